package io.sluice.platform.plugin;

/**
 * The host's copy of a class that the probe test plugin also bundles (returning {@code "plugin"}):
 * which copy a plugin sees shows whether its class loading is child-first.
 */
public final class LibraryProbe {
    private LibraryProbe() {
    }

    public static String origin() {
        return "host";
    }
}

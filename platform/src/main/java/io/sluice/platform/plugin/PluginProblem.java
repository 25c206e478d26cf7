package io.sluice.platform.plugin;

/**
 * A plugin (or one of its extensions) that could not be loaded, reported while the others load.
 *
 * @param origin  the plugin file or id the problem concerns
 * @param message what went wrong, in words an operator can act on
 * @param cause   the underlying exception, or {@code null}
 */
public record PluginProblem(String origin, String message, Throwable cause) {
    @Override
    public String toString() {
        return origin + ": " + message;
    }
}

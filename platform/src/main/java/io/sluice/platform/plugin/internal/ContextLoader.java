package io.sluice.platform.plugin.internal;

import java.util.function.Supplier;

/**
 * Makes one plugin's class loader the thread context class loader for the duration of a call into
 * the plugin, and puts the previous one back afterwards. Costs two field writes per call, so it can
 * sit on per-record paths:
 *
 * <pre>{@code
 * ClassLoader previous = context.enter();
 * try {
 *     delegate.process(record, ctx, out);
 * } finally {
 *     ContextLoader.exit(previous);
 * }
 * }</pre>
 */
public final class ContextLoader {
    private final ClassLoader loader;

    public ContextLoader(ClassLoader loader) {
        this.loader = loader;
    }

    /** The plugin's class loader. */
    public ClassLoader loader() {
        return loader;
    }

    /** Sets the plugin's loader on the current thread and returns the one to restore. */
    public ClassLoader enter() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        return previous;
    }

    /** Restores the loader {@link #enter()} returned. */
    public static void exit(ClassLoader previous) {
        Thread.currentThread().setContextClassLoader(previous);
    }

    /**
     * Calls {@code action} with the plugin's loader as context class loader. For calls off the
     * record path (a factory's type, description, spec): per-record calls enter and exit inline,
     * which allocates nothing.
     */
    public <T> T call(Supplier<T> action) {
        ClassLoader previous = enter();
        try {
            return action.get();
        } finally {
            exit(previous);
        }
    }
}

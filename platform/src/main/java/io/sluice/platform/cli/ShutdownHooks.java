package io.sluice.platform.cli;

import java.util.function.IntSupplier;

/**
 * How {@code run} learns that the process is asked to stop. The process implementation registers
 * a JVM shutdown hook (Ctrl-C, SIGTERM) that runs the stop action and then ends the process with
 * the action's exit code — so a graceful stop exits 0 rather than with the signal's status.
 */
interface ShutdownHooks {
    /**
     * Runs {@code stop} when the process is asked to stop.
     *
     * @return an action that cancels the registration (when the pipeline ended by itself)
     */
    Runnable onShutdown(IntSupplier stop);

    /** The JVM's shutdown hooks. */
    static ShutdownHooks jvm() {
        return stop -> {
            Thread hook = new Thread(() -> {
                int code = stop.getAsInt();
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(code);
            }, "sluice-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is already running: it owns the exit from here on.
                }
            };
        };
    }
}

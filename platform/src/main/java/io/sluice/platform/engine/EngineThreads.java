package io.sluice.platform.engine;

/**
 * Creates the engine's threads (cutter, runner, workers) as daemon threads marked with the engine
 * they belong to, so that {@code stop()} called from inside a batch (a foreach-batch action, a
 * listener) can tell it must not wait for itself.
 */
public final class EngineThreads {
    private static final ThreadLocal<Object> OWNER = new ThreadLocal<>();

    private EngineThreads() {
    }

    public static Thread newThread(String name, Object engine, Runnable body) {
        Thread t = new Thread(() -> {
            OWNER.set(engine);
            body.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Whether the calling thread is one of {@code engine}'s threads. */
    public static boolean isThreadOf(Object engine) {
        return OWNER.get() == engine;
    }
}

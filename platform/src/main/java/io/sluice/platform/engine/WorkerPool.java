package io.sluice.platform.engine;

import io.sluice.spi.SluiceException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The fixed pool that runs a batch's partition tasks, sized by the context's parallelism. Only the
 * batch-runner thread submits work ({@link #forEach}); partition tasks never submit more, so the
 * pool cannot deadlock on itself.
 *
 * <p>If a task fails, tasks not yet started are skipped, the running ones are awaited (so no task
 * of a failed attempt overlaps a retry), and the first failure is rethrown on the caller's thread.
 */
public final class WorkerPool implements AutoCloseable {
    private final ExecutorService executor;

    /**
     * @param threadName prefix of the worker thread names
     * @param threads    number of worker threads; with 1, tasks run on the caller's thread
     * @param engine     marks the workers as threads of this engine (see {@link EngineThreads})
     */
    public WorkerPool(String threadName, int threads, Object engine) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads,
                r -> EngineThreads.newThread(threadName + "-" + next.incrementAndGet(), engine, r));
    }

    /**
     * Runs {@code task} for 0 .. {@code tasks}-1 in parallel and returns when all have finished.
     *
     * @throws RuntimeException the first task failure, as thrown
     * @throws EngineStoppedException if the caller is interrupted or the pool was shut down
     */
    public void forEach(int tasks, IntConsumer task) {
        if (executor == null || tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < tasks; i++) {
            int index = i;
            try {
                executor.execute(() -> runOne(task, index, failure, done));
            } catch (RejectedExecutionException e) {
                throw new EngineStoppedException("the worker pool is shut down");
            }
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineStoppedException("interrupted while waiting for partition tasks");
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new SluiceException("partition task failed", t);
        }
    }

    private static void runOne(IntConsumer task, int index, AtomicReference<Throwable> failure, CountDownLatch done) {
        try {
            if (failure.get() == null) {
                task.accept(index);
            }
        } catch (Throwable t) {
            if (!failure.compareAndSet(null, t) && failure.get() != t) {
                failure.get().addSuppressed(t);
            }
        } finally {
            done.countDown();
        }
    }

    /** Interrupts running tasks (non-graceful stop). */
    public void shutdownNow() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}

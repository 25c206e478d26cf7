package io.sluice.connectors.flume;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long an RPC call may wait in {@code store} while the pipeline applies backpressure:
 * past the deadline the calling thread is interrupted, {@code store} gives up without accepting the
 * events, and the call is answered {@code FAILED} — before the sender's own request timeout, so the
 * sender resends events that were really not taken (a timed-out call whose events were taken later
 * would be delivered twice).
 *
 * <pre>{@code
 * StoreDeadlines.Deadline deadline = deadlines.start();
 * try { context.store(records); } finally { deadline.finish(); }
 * }</pre>
 */
final class StoreDeadlines implements AutoCloseable {
    private final Duration wait;
    private final ScheduledExecutorService timer;

    StoreDeadlines(Duration wait, String name) {
        this.wait = wait;
        this.timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("flume-" + name + "-deadline", true));
    }

    /** Starts the deadline of the calling thread's store. */
    Deadline start() {
        Deadline deadline = new Deadline(Thread.currentThread());
        deadline.timeout = timer.schedule(deadline::expire, wait.toNanos(), TimeUnit.NANOSECONDS);
        return deadline;
    }

    Duration maxWait() {
        return wait;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One call's deadline. */
    static final class Deadline {
        private final Thread caller;
        private ScheduledFuture<?> timeout;
        private boolean finished;
        private boolean expired;

        private Deadline(Thread caller) {
            this.caller = caller;
        }

        private synchronized void expire() {
            if (!finished) {
                expired = true;
                caller.interrupt();
            }
        }

        /**
         * Ends the deadline (call in {@code finally}). If it expired, clears the interrupt it sent,
         * which was meant for {@code store} only.
         *
         * @return whether the deadline expired
         */
        synchronized boolean finish() {
            finished = true;
            timeout.cancel(false);
            if (expired) {
                Thread.interrupted();
            }
            return expired;
        }
    }
}

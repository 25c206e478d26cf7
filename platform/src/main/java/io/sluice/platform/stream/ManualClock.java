package io.sluice.platform.stream;

import java.time.Duration;

/**
 * An {@link EngineClock} that only moves when told to: tests (the platform's and embedders') cut
 * batches by calling {@link #advance(Duration)}, which wakes every thread waiting for a time that
 * has now been reached. Thread-safe.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * StreamingContext ctx = StreamingContext.builder().batchInterval(Duration.ofSeconds(1)).clock(clock).build();
 * ...
 * ctx.start();
 * clock.advance(Duration.ofSeconds(3));   // batches 1, 2 and 3 are cut and queue up
 * }</pre>
 */
public final class ManualClock implements EngineClock {
    /** Where {@link #ManualClock()} starts: 2024-11-23T19:26:40Z, a round, recognisable epoch. */
    public static final long DEFAULT_START_MILLIS = 1_732_390_000_000L;

    private long now;

    /** A clock starting at {@link #DEFAULT_START_MILLIS}. */
    public ManualClock() {
        this(DEFAULT_START_MILLIS);
    }

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    /**
     * Moves the clock forward and wakes the threads waiting for a time that is now reached.
     *
     * @throws IllegalArgumentException if {@code step} is negative (time does not go back)
     */
    public synchronized void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a ManualClock only moves forward: " + step);
        }
        now += step.toMillis();
        notifyAll();
    }

    @Override
    public synchronized void waitUntil(long epochMillis) throws InterruptedException {
        while (now < epochMillis) {
            wait();
        }
    }

    @Override
    public synchronized String toString() {
        return "ManualClock[" + now + "]";
    }
}

package io.sluice.platform.stream;

import java.time.Clock;

/**
 * Where a {@link StreamingContext}'s time comes from: batch times, scheduling delays, retry backoff
 * and the {@link Clock} handed to components. Production uses {@link #system()}; tests inject a
 * {@link ManualClock} and cut batches by advancing it.
 *
 * <p>Implementations are thread-safe: the engine reads the time and waits from several threads.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * StreamingContext ctx = StreamingContext.builder()
 *         .batchInterval(Duration.ofSeconds(1))
 *         .clock(clock)
 *         .build();
 * ...
 * ctx.start();
 * clock.advance(Duration.ofSeconds(1));   // batch 1 is cut
 * }</pre>
 */
public interface EngineClock {
    /** The current time in epoch milliseconds. */
    long millis();

    /**
     * Blocks until {@link #millis()} is at least {@code epochMillis}; returns at once if it already is.
     *
     * @throws InterruptedException if the waiting thread is interrupted (the engine interrupts its
     *                              threads to stop them)
     */
    void waitUntil(long epochMillis) throws InterruptedException;

    /** The wall clock ({@link System#currentTimeMillis()}). */
    static EngineClock system() {
        return SystemEngineClock.INSTANCE;
    }

    /** A {@link Clock} (UTC) that reads this engine clock; what components get as {@code context.clock()}. */
    default Clock asJavaClock() {
        return new EngineJavaClock(this, java.time.ZoneOffset.UTC);
    }
}

package io.sluice.connectors.support;

import java.time.Clock;
import java.time.Duration;

/**
 * How a receiver waits (before reconnecting, before storing again). The default waits on the
 * component context's clock, so a pipeline on a manual clock reconnects when the test moves time;
 * unit tests may substitute one that records the delays it is asked for.
 *
 * <pre>{@code
 * Pause pause = Pause.onClock(context.clock());
 * pause.pause(Duration.ofSeconds(5));   // returns once the clock moved 5 s on
 * }</pre>
 */
@FunctionalInterface
public interface Pause {
    /** How often {@link #onClock} looks at its clock, in real milliseconds. */
    long CLOCK_POLL_MILLIS = 20;

    /**
     * Returns once {@code delay} has passed.
     *
     * @throws InterruptedException if the thread is interrupted (the receiver is stopping)
     */
    void pause(Duration delay) throws InterruptedException;

    /** Waits until {@code clock} reaches now + delay, looking at it every {@link #CLOCK_POLL_MILLIS} ms. */
    static Pause onClock(Clock clock) {
        return delay -> {
            long until = clock.millis() + delay.toMillis();
            long left;
            while ((left = until - clock.millis()) > 0) {
                Thread.sleep(Math.min(left, CLOCK_POLL_MILLIS));
            }
        };
    }
}

package io.sluice.connectors.mqtt;

import io.sluice.spi.RetriableException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for room in the client's window of unacknowledged publishes. Paho refuses a publish outright
 * (MAX_INFLIGHT) when the window is full, instead of waiting; the window's size is the broker's Receive
 * Maximum (MQTT 5) or the client's max-inflight (3.1.1), so a sink writing faster than the broker
 * acknowledges retries after a short pause until a slot frees.
 */
final class InFlightWindow {
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private InFlightWindow() {
    }

    /**
     * Calls {@code attempt} until it returns {@code true} (it returns {@code false} when the window was full).
     *
     * @throws RetriableException if the window stays full for two minutes (the broker stopped acknowledging)
     */
    static void publish(BooleanSupplier attempt) {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!attempt.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new RetriableException("the broker acknowledged no publish for two minutes");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new RetriableException("interrupted while waiting for the broker to acknowledge publishes");
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}

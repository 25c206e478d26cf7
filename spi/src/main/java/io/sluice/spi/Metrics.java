package io.sluice.spi;

import java.util.function.DoubleSupplier;

/**
 * Registers a component's metrics; the platform prefixes names with the pipeline and component
 * and exports them. Thread-safe; register once in {@code open}, update on the hot path.
 *
 * <pre>{@code
 * Metrics.Counter received = context.metrics().counter("records_received");
 * context.metrics().gauge("queue_depth", queue::size);
 * received.increment();
 * }</pre>
 */
public interface Metrics {
    /** A monotonically increasing count, e.g. {@code records_received}. */
    Counter counter(String name);

    /** A value sampled when metrics are read, e.g. a queue depth. */
    void gauge(String name, DoubleSupplier value);

    /** A counter. {@link #increment(long)} is cheap and thread-safe. */
    interface Counter {
        void increment(long amount);

        default void increment() {
            increment(1);
        }

        long count();
    }
}

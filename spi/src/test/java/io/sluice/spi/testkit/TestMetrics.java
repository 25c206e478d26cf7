package io.sluice.spi.testkit;

import io.sluice.spi.Metrics;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * In-memory {@link Metrics}: counters and gauges by name, readable by tests. Thread-safe.
 *
 * <pre>{@code
 * assertThat(metrics.count("bad_lines")).isEqualTo(1);
 * }</pre>
 */
public final class TestMetrics implements Metrics {
    private final Map<String, TestCounter> counters = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new TestCounter());
    }

    @Override
    public void gauge(String name, DoubleSupplier value) {
        gauges.put(name, value);
    }

    /** The value of a counter; 0 if it was never registered. */
    public long count(String name) {
        TestCounter c = counters.get(name);
        return c == null ? 0 : c.count();
    }

    /** The current value of a gauge, empty if it was never registered. */
    public OptionalDouble gaugeValue(String name) {
        DoubleSupplier g = gauges.get(name);
        return g == null ? OptionalDouble.empty() : OptionalDouble.of(g.getAsDouble());
    }

    private static final class TestCounter implements Counter {
        private final AtomicLong value = new AtomicLong();

        @Override
        public void increment(long amount) {
            value.addAndGet(amount);
        }

        @Override
        public long count() {
            return value.get();
        }
    }
}

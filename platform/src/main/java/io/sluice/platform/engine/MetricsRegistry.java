package io.sluice.platform.engine;

import io.sluice.spi.Metrics;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The metrics of one streaming context: counters and gauges by dotted name
 * ({@code engine.batches_completed}, {@code sources.sensors.records_read}). Thread-safe. Components
 * get a {@link #scoped} view that prefixes their names; an exporter (Prometheus, later) reads
 * {@link #snapshot()}.
 */
public final class MetricsRegistry {
    private final Map<String, LongCounter> counters = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    /** The counter called {@code name}, created on first use. */
    public Metrics.Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> new LongCounter());
    }

    /** Registers (or replaces) the gauge called {@code name}. */
    public void gauge(String name, DoubleSupplier value) {
        gauges.put(name, value);
    }

    /** A view whose names are prefixed with {@code prefix + "."}. */
    public Metrics scoped(String prefix) {
        return new Metrics() {
            @Override
            public Counter counter(String name) {
                return MetricsRegistry.this.counter(prefix + "." + name);
            }

            @Override
            public void gauge(String name, DoubleSupplier value) {
                MetricsRegistry.this.gauge(prefix + "." + name, value);
            }
        };
    }

    /** Every counter and gauge, sampled now, sorted by name. */
    public SortedMap<String, Double> snapshot() {
        SortedMap<String, Double> out = new TreeMap<>();
        counters.forEach((name, c) -> out.put(name, (double) c.count()));
        gauges.forEach((name, g) -> out.put(name, g.getAsDouble()));
        return out;
    }

    private static final class LongCounter implements Metrics.Counter {
        private final LongAdder adder = new LongAdder();

        @Override
        public void increment(long amount) {
            adder.add(amount);
        }

        @Override
        public long count() {
            return adder.sum();
        }
    }
}

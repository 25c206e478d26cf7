package io.sluice.bench.jmh;

import io.sluice.platform.format.JsonFormat;
import io.sluice.platform.plugin.PluginHost;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.KeyedState;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import io.sluice.spi.operator.OperatorFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The expression plugin's operators on one record, loaded from the plugin zip as a pipeline loads
 * them: {@code filter: "occupancy >= capacity"} and
 * {@code map: {bus: "bus", delta: "boarded - alighted", capacity: "capacity"}}. The plugins
 * directory is {@code -Dsluice.bench.plugins} (default {@code bench/target/plugins}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpressionBenchmark {
    private static final OperatorContext CONTEXT = new OperatorContext() {
        @Override
        public BatchInfo batch() {
            return null;
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public KeyedState state() {
            throw new IllegalStateException("stateless");
        }
    };

    private PluginHost plugins;
    private Operator filter;
    private Operator map;
    private Record[] events;
    private Record[] states;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        plugins = PluginHost.builder().classpath(null)
                .pluginsDirectory(Path.of(System.getProperty("sluice.bench.plugins", "bench/target/plugins"))).load();
        filter = create("filter", Map.of("expression", "occupancy >= capacity"));
        map = create("map", Map.of("fields", Map.of("bus", "bus", "delta", "boarded - alighted", "capacity", "capacity")));
        JsonFormat json = new JsonFormat();
        byte[][] lines = WorkloadLines.first(1024);
        events = new Record[lines.length];
        states = new Record[lines.length];
        for (int i = 0; i < lines.length; i++) {
            events[i] = json.decode(lines[i]);
            states[i] = Record.builder().key(events[i].get("bus")).field("bus", events[i].get("bus"))
                    .field("occupancy", (long) (i % 200)).field("capacity", events[i].get("capacity")).build();
        }
    }

    private Operator create(String type, Map<String, Object> raw) {
        OperatorFactory factory = plugins.registry().operator(type)
                .orElseThrow(() -> new IllegalStateException("no '" + type + "' operator plugin")).factory();
        Config.Builder config = Config.builder(factory.configSpec());
        raw.forEach(config::setRaw);
        return factory.create(config.build());
    }

    @TearDown(Level.Trial)
    public void close() {
        plugins.close();
    }

    @Benchmark
    public void filterOccupancyAtCapacity(Blackhole out) {
        next = (next + 1) & (states.length - 1);
        filter.process(states[next], CONTEXT, out::consume);
    }

    @Benchmark
    public void mapBusDeltaCapacity(Blackhole out) {
        next = (next + 1) & (events.length - 1);
        map.process(events[next], CONTEXT, out::consume);
    }
}

package io.sluice.bench;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.pf4j.Extension;

/**
 * {@code bench-capture}: the YAML pipeline's measuring output, a classpath extension of the bench
 * (the pipeline's source and operators come from the plugin zips). At each batch's commit it hands
 * what it received to the run's {@link Captured}: the occupancies, the alert count, or the window's
 * events per line ({@code role}).
 */
@Extension
public final class CaptureSinkFactory implements SinkFactory {
    static final ConfigKey<String> ROLE = ConfigKey.oneOf("role", "occupancy", "alerts", "line-window")
            .description("What the stream carries: occupancy (fields bus, occupancy), alerts (counted), line-window (fields line, events).")
            .required()
            .build();

    private static volatile Captured target;

    /** Where the sinks created from now on deliver. */
    static void captureInto(Captured captured) {
        target = Objects.requireNonNull(captured, "captured");
    }

    @Override
    public String type() {
        return "bench-capture";
    }

    @Override
    public String description() {
        return "Hands each batch's records to the running benchmark, for its check.";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(ROLE);
    }

    @Override
    public Sink create(Config config) {
        Captured captured = Objects.requireNonNull(target, "no benchmark run is capturing");
        return new CaptureSink(config.get(ROLE), captured);
    }

    private static final class CaptureSink implements Sink {
        private final String role;
        private final Captured captured;
        private final ConcurrentLinkedQueue<Record> batch = new ConcurrentLinkedQueue<>();

        CaptureSink(String role, Captured captured) {
            this.role = role;
            this.captured = captured;
        }

        @Override
        public void open(ComponentContext context) {
        }

        @Override
        public void write(BatchInfo info, int partition, List<Record> records) {
            batch.addAll(records);
        }

        @Override
        public void commit(BatchInfo info) {
            switch (role) {
                case "alerts" -> captured.alerts(batch.size());
                case "occupancy" -> captured.occupancy(longs("bus", "occupancy"));
                default -> captured.lineWindow(longs("line", "events"));
            }
            batch.clear();
        }

        private Map<String, Long> longs(String keyField, String valueField) {
            Map<String, Long> map = new HashMap<>();
            for (Record r : batch) {
                map.put(r.getString(keyField), r.getLong(valueField));
            }
            return map;
        }

        @Override
        public void close() {
        }
    }
}

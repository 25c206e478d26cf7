package io.sluice.bench;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.PluginHost;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.PairDStream;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workload's pipeline built with the Java API: the generator plugin's events, parsed as JSON by
 * the engine, then typed lambdas: (bus, delta and capacity), reduceByKey, updateStateByKey, the
 * alert filter, and events per line over a 10-batch window sliding every batch.
 */
final class SluiceJavaRun {
    static final String MODE = "sluice-java";
    static final String WINDOW_HOW = "the engine's reduceByKeyAndWindow (incremental, with the inverse function)";
    private static final Duration WINDOW = Duration.ofSeconds(LineWindow.BATCHES);
    private static final Duration SLIDE = Duration.ofSeconds(1);

    /** A bus's passengers (a batch's change, or the running total) and its capacity. */
    record Occupancy(long passengers, long capacity) {
        Occupancy plus(Occupancy later) {
            return new Occupancy(passengers + later.passengers, later.capacity);
        }
    }

    Outcome run(BenchOptions options, PluginHost plugins) throws InterruptedException {
        Captured captured = new Captured();
        BatchDriver driver = new BatchDriver();
        StreamingContext context = StreamingContext.builder()
                .name("bus-occupancy-java")
                .batchInterval(Duration.ofSeconds(1))
                .clock(driver.clock())
                .parallelism(options.threads())
                .formats(RecordFormats.standard()::get)
                .listener(driver)
                .build();
        Component<SourceFactory> generator = plugins.registry().source("generator")
                .orElseThrow(() -> new IllegalStateException("no generator plugin in " + options.pluginsDir()));
        Config config = Config.builder(generator.factory().configSpec())
                .setRaw("events-per-batch", options.eventsPerBatch())
                .setRaw("limit", options.events())
                .setRaw("splits", options.threads())
                .build();

        RecordStream events = context.source("sensors", generator.factory(), config).parse("json");
        PairDStream<String, Occupancy> occupancy = events
                .mapToPair(e -> KeyValue.of(e.getString("bus"),
                        new Occupancy(e.getLong("boarded") - e.getLong("alighted"), e.getLong("capacity"))))
                .reduceByKey(Occupancy::plus)
                .updateStateByKey(SluiceJavaRun::update);
        occupancy.foreachBatch((batch, states) -> captured.occupancy(passengers(states)));
        occupancy.filter(kv -> kv.value().passengers() >= kv.value().capacity())
                .foreachBatch((batch, alerts) -> captured.alerts(alerts.size()));
        events.mapToPair(e -> KeyValue.of(e.getString("line"), 1L))
                .reduceByKeyAndWindow(Long::sum, (total, leaving) -> total - leaving, WINDOW, SLIDE)
                .foreachBatch((batch, counts) -> captured.lineWindow(toMap(counts)));

        BatchDriver.Times times = driver.run(context, options.batches(), options.eventsPerBatch());
        return captured.outcome(times, WINDOW_HOW);
    }

    private static Optional<Occupancy> update(List<Occupancy> batch, Optional<Occupancy> state) {
        Occupancy total = state.orElse(null);
        for (Occupancy change : batch) {
            total = total == null ? change : total.plus(change);
        }
        return Optional.ofNullable(total);
    }

    private static Map<String, Long> passengers(List<KeyValue<String, Occupancy>> states) {
        Map<String, Long> byBus = new HashMap<>();
        states.forEach(kv -> byBus.put(kv.key(), kv.value().passengers()));
        return byBus;
    }

    private static Map<String, Long> toMap(List<KeyValue<String, Long>> pairs) {
        Map<String, Long> map = new HashMap<>();
        pairs.forEach(kv -> map.put(kv.key(), kv.value()));
        return map;
    }
}

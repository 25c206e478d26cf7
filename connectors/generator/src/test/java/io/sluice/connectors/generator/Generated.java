package io.sluice.connectors.generator;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** Test helper: runs a configured generator through its planner and reader, batch by batch. */
final class Generated {
    private Generated() {
    }

    static Config config(Map<String, ?> values) {
        Config.Builder b = Config.builder(GeneratorConfig.SPEC);
        values.forEach(b::setRaw);
        return b.build();
    }

    static BatchInfo batch(long id) {
        return new BatchInfo(id, Instant.ofEpochMilli(1_732_390_000_000L + id * 1000), Duration.ofSeconds(1));
    }

    /** Plans until the (bounded) source is exhausted and hands every record to {@code each}, in event order. */
    static void forEach(Config config, Consumer<Record> each) {
        GeneratorSource source = (GeneratorSource) new GeneratorSourceFactory().create(config);
        TestComponentContext context = TestComponentContext.builder().config(config).build();
        try (SplitPlanner<EventRange> planner = source.createPlanner(context);
             SplitReader<EventRange> reader = source.createReader(context)) {
            for (long id = 1; !planner.exhausted(); id++) {
                for (EventRange split : planner.plan(batch(id), Long.MAX_VALUE)) {
                    reader.read(split, each::accept);
                }
            }
        }
    }
}

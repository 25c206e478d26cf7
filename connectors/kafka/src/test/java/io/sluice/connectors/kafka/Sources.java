package io.sluice.connectors.kafka;

import io.sluice.platform.format.RecordFormats;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import io.sluice.spi.testkit.CollectingEmitter;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A kafka source configured as a pipeline file would, with its planner and reader, for tests. */
final class Sources {
    private Sources() {
    }

    static Config config(TestCluster cluster, Map<String, Object> keys) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("bootstrap-servers", List.of(cluster.bootstrapServers()));
        all.put("request-timeout", "20s");
        all.putAll(keys);
        Config.Builder b = Config.builder(KafkaSourceFactory.SPEC);
        all.forEach(b::setRaw);
        return b.build();
    }

    @SuppressWarnings("unchecked")
    static ReplayableSource<OffsetRange> source(Config config) {
        return (ReplayableSource<OffsetRange>) new KafkaSourceFactory().create(config);
    }

    static TestComponentContext context(Config config) {
        return TestComponentContext.builder()
                .pipelineName("test")
                .componentName("sources.events")
                .config(config)
                .format(RecordFormats.standard().get("json"))
                .build();
    }

    static SplitPlanner<OffsetRange> planner(TestCluster cluster, Map<String, Object> keys) {
        Config config = config(cluster, keys);
        return source(config).createPlanner(context(config));
    }

    static BatchInfo batch(long id) {
        return new BatchInfo(id, Instant.ofEpochMilli(1_732_390_000_000L + id * 1000), Duration.ofSeconds(1));
    }

    static List<Record> read(SplitReader<OffsetRange> reader, OffsetRange split) {
        CollectingEmitter out = new CollectingEmitter();
        reader.read(split, out);
        return out.records();
    }
}

package io.sluice.connectors.kafka;

import io.sluice.platform.format.RecordFormats;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A kafka sink configured as a pipeline file would, for tests. */
final class Sinks {
    private Sinks() {
    }

    static Config config(TestCluster cluster, Map<String, Object> keys) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("bootstrap-servers", List.of(cluster.bootstrapServers()));
        all.put("delivery-timeout", "30s");
        all.putAll(keys);
        Config.Builder b = Config.builder(KafkaSinkFactory.SPEC);
        all.forEach(b::setRaw);
        return b.build();
    }

    static TestComponentContext context(Config config) {
        return TestComponentContext.builder()
                .pipelineName("test")
                .componentName("sinks.out")
                .config(config)
                .format(RecordFormats.standard().get("json"))
                .build();
    }

    /** An opened sink. */
    static Sink open(TestCluster cluster, Map<String, Object> keys) {
        Config config = config(cluster, keys);
        Sink sink = new KafkaSinkFactory().create(config);
        sink.open(context(config));
        return sink;
    }

    static BatchInfo batch(long id) {
        return new BatchInfo(id, Instant.ofEpochMilli(1_732_390_000_000L + id * 1000), Duration.ofSeconds(1));
    }
}

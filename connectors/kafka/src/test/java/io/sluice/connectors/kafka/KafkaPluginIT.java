package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip (kafka-clients and its compression libraries in lib/) loads with pf4j as the host loads it. */
class KafkaPluginIT {

    @Test
    void theZipIsAPluginContributingTheKafkaSourceAndSink() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("kafka");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("kafka");
            assertThat(plugin.types(SinkFactory.class)).containsExactly("kafka");
        }
    }
}

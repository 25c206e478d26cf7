package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip (with the Paho clients in lib/) loads with pf4j as the host loads it. */
class MqttPluginIT {

    @Test
    void theZipIsAPluginContributingTheMqttSourceAndSink() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("mqtt");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("mqtt");
            assertThat(plugin.types(SinkFactory.class)).containsExactly("mqtt");
        }
    }
}

package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip loads with pf4j as the host loads it, contributing a source and a sink. */
class FilePluginIT {

    @Test
    void theZipIsAPluginContributingTheFileSourceAndSink() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("file");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("file");
            assertThat(plugin.types(SinkFactory.class)).containsExactly("file");
        }
    }
}

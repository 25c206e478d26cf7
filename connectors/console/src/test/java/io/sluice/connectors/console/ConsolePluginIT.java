package io.sluice.connectors.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip, and the jar alone, load with pf4j as the host loads them. */
class ConsolePluginIT {

    @Test
    void theZipIsAPluginContributingTheConsoleSink() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("console");
            assertThat(plugin.types(SinkFactory.class)).containsExactly("console");
            assertThat(plugin.types(SourceFactory.class)).isEmpty();
        }
    }

    @Test
    void theJarAloneIsAPluginToo() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.jar")))) {
            assertThat(plugin.types(SinkFactory.class)).containsExactly("console");
        }
    }
}

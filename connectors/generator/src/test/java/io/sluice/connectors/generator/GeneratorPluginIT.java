package io.sluice.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip, and the jar alone, load with pf4j as the host loads them. */
class GeneratorPluginIT {

    @Test
    void theZipIsAPluginContributingTheGeneratorSource() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("generator");
            assertThat(plugin.requires()).isEqualTo(">=0.1.0");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("generator");
            assertThat(plugin.types(SinkFactory.class)).isEmpty();
            assertThat(plugin.types(OperatorFactory.class)).isEmpty();
            assertThat(plugin.extensions(SourceFactory.class).get(0).getClass().getClassLoader()).isSameAs(plugin.classLoader());
        }
    }

    @Test
    void theJarAloneIsAPluginToo() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.jar")))) {
            assertThat(plugin.id()).isEqualTo("generator");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("generator");
        }
    }
}

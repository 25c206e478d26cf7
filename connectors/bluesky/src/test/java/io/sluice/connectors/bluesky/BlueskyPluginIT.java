package io.sluice.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip loads with pf4j as the host loads it, contributing the bluesky-jetstream source. */
class BlueskyPluginIT {

    @Test
    void theZipIsAPluginContributingTheJetstreamSource() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("bluesky");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("bluesky-jetstream");
        }
    }
}

package io.sluice.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip loads with pf4j as the host loads it, contributing the mastodon source. */
class MastodonPluginIT {

    @Test
    void theZipIsAPluginContributingTheMastodonSource() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("mastodon");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("mastodon");
        }
    }
}

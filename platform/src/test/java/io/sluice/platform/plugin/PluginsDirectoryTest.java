package io.sluice.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsDirectoryTest {
    private static final Map<String, String> ENV = Map.of("SLUICE_PLUGINS_DIR", "/from/env");

    @Test
    void theOptionWinsOverEverything() {
        assertThat(PluginsDirectory.resolve(Path.of("/from/option"), ENV, "/home/sluice"))
                .contains(new PluginsDirectory(Path.of("/from/option"), "--plugins-dir"));
    }

    @Test
    void theEnvironmentVariableWinsOverTheInstallation() {
        assertThat(PluginsDirectory.resolve(null, ENV, "/home/sluice"))
                .contains(new PluginsDirectory(Path.of("/from/env"), "SLUICE_PLUGINS_DIR"));
    }

    @Test
    void theInstallationsPluginsDirectoryIsTheDefault() {
        assertThat(PluginsDirectory.resolve(null, Map.of(), "/home/sluice"))
                .contains(new PluginsDirectory(Path.of("/home/sluice/plugins"), "sluice.home"));
    }

    @Test
    void withoutAnyThereIsNone() {
        assertThat(PluginsDirectory.resolve(null, Map.of(), null)).isEmpty();
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(PluginsDirectory.resolve(null, Map.of("SLUICE_PLUGINS_DIR", "  "), " ")).isEmpty();
        assertThat(PluginsDirectory.resolve(null, Map.of("SLUICE_PLUGINS_DIR", ""), "/opt/sluice"))
                .map(PluginsDirectory::path).contains(Path.of("/opt/sluice/plugins"));
    }

    @Test
    void anInvalidPathIsAConfigError() {
        assertThatThrownBy(() -> PluginsDirectory.resolve(null, Map.of("SLUICE_PLUGINS_DIR", "a\0b"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLUICE_PLUGINS_DIR is not a valid path");
    }

    @Test
    void describesWhereItCameFrom() {
        assertThat(new PluginsDirectory(Path.of("/p"), "SLUICE_PLUGINS_DIR")).hasToString("/p (from SLUICE_PLUGINS_DIR)");
    }
}

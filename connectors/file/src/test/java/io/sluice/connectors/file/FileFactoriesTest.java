package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileFactoriesTest {

    @Test
    void declareTheirTypesAndKeys() {
        assertThat(new FileSourceFactory().type()).isEqualTo("file");
        assertThat(new FileSinkFactory().type()).isEqualTo("file");
        assertThat(FileSourceFactory.SPEC.keys()).extracting(ConfigKey::name).containsExactly("path", "format", "max-split-bytes");
        assertThat(FileSinkFactory.SPEC.keys()).extracting(ConfigKey::name).containsExactly("path", "prefix", "format", "extension");
        assertThatThrownBy(() -> Config.builder(FileSourceFactory.SPEC).build()).isInstanceOf(ConfigException.class).hasMessageContaining("'path' is required");
        assertThatThrownBy(() -> Config.builder(FileSinkFactory.SPEC).setRaw("prefix", ".hidden")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Config.builder(FileSinkFactory.SPEC).setRaw("prefix", "a/b")).isInstanceOf(ConfigException.class);
    }

    @Test
    void areIndexedAsPf4jExtensions() throws IOException {
        List<String> indexed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                indexed.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            }
        }
        assertThat(indexed).contains(FileSourceFactory.class.getName(), FileSinkFactory.class.getName());
    }
}

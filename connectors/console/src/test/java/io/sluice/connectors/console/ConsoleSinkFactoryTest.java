package io.sluice.connectors.console;

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

class ConsoleSinkFactoryTest {
    private final ConsoleSinkFactory factory = new ConsoleSinkFactory();

    @Test
    void declaresItsTypeAndKeys() {
        assertThat(factory.type()).isEqualTo("console");
        assertThat(factory.configSpec().keys()).extracting(ConfigKey::name).containsExactly("max-records", "format");
        assertThat(Config.builder(factory.configSpec()).build().get(ConsoleSinkFactory.MAX_RECORDS)).isEqualTo(10);
        assertThatThrownBy(() -> Config.builder(factory.configSpec()).setRaw("max-records", 0)).isInstanceOf(ConfigException.class);
        assertThat(factory.create(Config.builder(factory.configSpec()).build())).isInstanceOf(ConsoleSink.class);
    }

    @Test
    void isIndexedAsAPf4jExtension() throws IOException {
        List<String> indexed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                indexed.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            }
        }
        assertThat(indexed).contains(ConsoleSinkFactory.class.getName());
    }
}

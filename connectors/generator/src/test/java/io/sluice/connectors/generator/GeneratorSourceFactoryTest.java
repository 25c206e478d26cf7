package io.sluice.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorSourceFactoryTest {
    private final GeneratorSourceFactory factory = new GeneratorSourceFactory();

    @Test
    void declaresItsTypeAndDocumentedKeys() {
        assertThat(factory.type()).isEqualTo("generator");
        assertThat(factory.configSpec().keys()).extracting(ConfigKey::name).containsExactly(
                "workload", "buses", "events-per-batch", "rate", "limit", "start", "output", "splits");
        assertThat(factory.configSpec().keys()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
    }

    @Test
    void defaultsAreTheWorkloadsAndJsonLines() {
        GeneratorConfig c = GeneratorConfig.from(Generated.config(Map.of()));
        assertThat(c.workload()).isEqualTo("bus-sensors");
        assertThat(c.buses()).isEqualTo(2000);
        assertThat(c.output()).isEqualTo("json");
        assertThat(c.limit()).isEmpty();
        assertThat(c.end()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rateAndEventsPerBatchTogetherAreRefused() {
        assertThatThrownBy(() -> factory.create(Generated.config(Map.of("rate", 10, "events-per-batch", 10))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("either events-per-batch or rate");
    }

    @Test
    void badValuesAreRefusedByTheSpec() {
        assertThatThrownBy(() -> Generated.config(Map.of("workload", "taxis"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bus-sensors");
        assertThatThrownBy(() -> Generated.config(Map.of("buses", 0))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Generated.config(Map.of("output", "xml"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void isIndexedAsAPf4jExtension() throws IOException {
        List<String> indexed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                indexed.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            }
        }
        assertThat(indexed).contains(GeneratorSourceFactory.class.getName());
    }
}

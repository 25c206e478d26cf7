package io.sluice.connectors.flume;

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

class FlumeSourceFactoryTest {
    private final FlumeSourceFactory factory = new FlumeSourceFactory();

    private Config.Builder config() {
        return Config.builder(factory.configSpec()).setRaw("port", 41414);
    }

    @Test
    void declaresItsTypeKeysAndDefaults() {
        assertThat(factory.type()).isEqualTo("flume");
        assertThat(factory.configSpec().keys()).extracting(ConfigKey::name).containsExactly("bind", "port", "format",
                "compression", "max-batch-size", "max-event-size", "max-store-wait", "ssl", "keystore", "keystore-password",
                "keystore-type");
        FlumeSourceSettings settings = ((FlumeSource) factory.create(config().build())).settings();
        assertThat(settings).isEqualTo(new FlumeSourceSettings("0.0.0.0", 41414, "bytes", false, 10_000,
                16 * 1024 * 1024, java.time.Duration.ofSeconds(10), java.util.Optional.empty()));
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> Config.builder(factory.configSpec()).build()).hasMessageContaining("'port' is required");
        assertThatThrownBy(() -> config().setRaw("port", 70000)).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config().setRaw("compression", "gzip")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config().setRaw("format", "avro")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> config().setRaw("max-batch-size", 0)).isInstanceOf(ConfigException.class);
    }

    @Test
    void tlsNeedsAKeystoreAndNeverPrintsItsPassword() {
        assertThatThrownBy(() -> factory.create(config().setRaw("ssl", true).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'keystore' is required when ssl is true");

        Config tls = config().setRaw("ssl", true).setRaw("keystore", "/etc/k.p12").setRaw("keystore-password", "s3cret")
                .build();
        FlumeSourceSettings settings = ((FlumeSource) factory.create(tls)).settings();

        assertThat(settings.keyStore()).hasValueSatisfying(k -> assertThat(k.password()).isEqualTo("s3cret"));
        assertThat(tls.toString()).doesNotContain("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void isIndexedAsAPf4jExtension() throws IOException {
        List<String> indexed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                indexed.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            }
        }
        assertThat(indexed).contains(FlumeSourceFactory.class.getName());
    }
}

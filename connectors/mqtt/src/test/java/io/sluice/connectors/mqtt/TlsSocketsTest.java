package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.config.Config;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSocketsTest {
    @TempDir
    Path dir;

    @Test
    void withoutStoresPahoKeepsTheJvmDefaults() {
        assertThat(TlsSockets.from(config(Config.builder(MqttSourceFactory.SPEC)))).isEmpty();
    }

    @Test
    void aTrustStoreGivesATlsSocketFactory() throws Exception {
        Path store = dir.resolve("trust.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            empty.store(out, "changeit".toCharArray());
        }
        Config config = config(Config.builder(MqttSourceFactory.SPEC)
                .setRaw("tls-trust-store", store.toString())
                .setRaw("tls-trust-store-password", "changeit"));
        assertThat(TlsSockets.from(config)).get().isInstanceOf(SSLSocketFactory.class);
    }

    @Test
    void anUnreadableStoreSaysWhich() {
        Config config = config(Config.builder(MqttSourceFactory.SPEC)
                .setRaw("tls-key-store", dir.resolve("missing.p12").toString()));
        assertThatThrownBy(() -> TlsSockets.from(config)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("missing.p12");
    }

    private static Config config(Config.Builder builder) {
        return builder.setRaw("servers", List.of("ssl://localhost:8883")).setRaw("topics", java.util.Map.of("a", 1))
                .build();
    }
}

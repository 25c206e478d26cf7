package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deflate and TLS as Flume's own avro sink and SDK client speak them: source 0 compresses,
 * source 1 compresses inside TLS.
 */
class FlumeSourceDeflateTlsIT {
    @TempDir
    static Path dir;
    private static SluicePipeline sluice;
    private static Path keyStore;

    @BeforeAll
    static void startSluice() throws Exception {
        keyStore = TestKeyStores.selfSigned(dir);
        sluice = SluicePipeline.start(
                Map.of("bind", "127.0.0.1", "port", 0, "format", "text", "compression", "deflate"),
                Map.of("bind", "127.0.0.1", "port", 0, "format", "text", "compression", "deflate", "ssl", true,
                        "keystore", keyStore.toString(), "keystore-password", TestKeyStores.PASSWORD));
    }

    @AfterAll
    static void stopSluice() {
        sluice.close();
    }

    private static Properties client(int port, boolean deflate, boolean ssl) {
        Properties props = new Properties();
        props.setProperty("hosts", "h1");
        props.setProperty("hosts.h1", "127.0.0.1:" + port);
        props.setProperty("connect-timeout", "30000");
        props.setProperty("request-timeout", "30000");
        if (deflate) {
            props.setProperty("compression-type", "deflate");
            props.setProperty("compression-level", "6");
        }
        if (ssl) {
            props.setProperty("ssl", "true");
            props.setProperty("trust-all-certs", "true");
        }
        return props;
    }

    @Test
    void aDeflatingClientIsUnderstood() throws Exception {
        RpcClient client = RpcClientFactory.getInstance(client(sluice.port(0), true, false));
        try {
            client.appendBatch(FlumeEvents.numbered("deflate", 0, 50));
        } finally {
            client.close();
        }
        awaitTexts("deflate-", 50);
    }

    @Test
    void aDeflatingClientOverTlsIsUnderstood() throws Exception {
        RpcClient client = RpcClientFactory.getInstance(client(sluice.port(1), true, true));
        try {
            client.appendBatch(FlumeEvents.numbered("tls", 0, 50));
            client.append(FlumeEvents.event("tls-single", Map.of()));
        } finally {
            client.close();
        }
        awaitTexts("tls-", 51);
    }

    @Test
    void aClientThatDoesNotCompressIsRefusedAndNothingArrives() {
        assertThatThrownBy(() -> {
            RpcClient client = RpcClientFactory.getInstance(client(sluice.port(0), false, false));
            try {
                client.appendBatch(FlumeEvents.numbered("plain", 0, 5));
            } finally {
                client.close();
            }
        }).isInstanceOfAny(EventDeliveryException.class, org.apache.flume.FlumeException.class);
        assertThat(texts("plain-")).isEmpty();
    }

    private static void awaitTexts(String prefix, int n) {
        org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> texts(prefix).size() >= n);
        assertThat(texts(prefix)).hasSize(n).doesNotHaveDuplicates();
    }

    private static java.util.List<String> texts(String prefix) {
        return sluice.records.stream().map(r -> r.getString("text")).filter(t -> t.startsWith(prefix)).toList();
    }

    @Test
    void sluicesFlumeSinkSpeaksDeflateOverTlsTrustingTheServerCertificate() {
        Config config = Config.builder(FlumeSinkFactory.SPEC).setRaw("hosts", "127.0.0.1:" + sluice.port(1))
                .setRaw("format", "text").setRaw("compression", "deflate").setRaw("ssl", true)
                .setRaw("truststore", keyStore.toString()).setRaw("truststore-password", TestKeyStores.PASSWORD)
                .build();
        try (Sink sink = new FlumeSinkFactory().create(config)) {
            sink.open(TestComponentContext.builder().config(config).build());
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                records.add(Record.of(Map.of("text", "sink-tls-" + i)));
            }
            sink.write(new BatchInfo(1, TestComponentContext.DEFAULT_TIME, Duration.ofSeconds(1)), 0, records);
            sink.commit(new BatchInfo(1, TestComponentContext.DEFAULT_TIME, Duration.ofSeconds(1)));
        }
        awaitTexts("sink-tls-", 30);
    }
}

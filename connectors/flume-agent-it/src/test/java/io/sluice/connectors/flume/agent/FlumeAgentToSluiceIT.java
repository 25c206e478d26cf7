package io.sluice.connectors.flume.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.Record;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flume.agent.embedded.EmbeddedAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Flume agent (memory channel, avro sink) delivers into a Sluice pipeline's flume source. */
class FlumeAgentToSluiceIT {
    @TempDir
    static Path dir;
    private static SluiceWithFlumeSources sluice;

    @BeforeAll
    static void startSluice() throws Exception {
        Path keyStore = TestKeyStores.selfSigned(dir);
        sluice = new SluiceWithFlumeSources(
                Map.of("bind", "127.0.0.1", "port", 0, "format", "json"),
                Map.of("bind", "127.0.0.1", "port", 0, "format", "json", "compression", "deflate"),
                Map.of("bind", "127.0.0.1", "port", 0, "format", "json", "compression", "deflate", "ssl", true,
                        "keystore", keyStore.toString(), "keystore-password", TestKeyStores.PASSWORD));
    }

    @AfterAll
    static void stopSluice() {
        sluice.close();
    }

    @Test
    void everyEventPutIntoTheAgentArrivesAsARecordWithItsFieldsAndHeaders() throws Exception {
        EmbeddedAgent agent = Agents.start("plain", Agents.avroSinkTo(sluice.port(0), Map.of()));
        try {
            Agents.put(agent, "plain", 0, 500);
            await().atMost(SluiceWithFlumeSources.DEADLINE).until(() -> sluice.headerValues("id", "plain-").size() >= 500);
        } finally {
            agent.stop();
        }

        assertThat(sluice.headerValues("id", "plain-")).containsExactlyInAnyOrderElementsOf(
                Agents.ids("plain", 0, 500));
        Record one = sluice.records.stream().filter(r -> "plain-7".equals(r.headers().get("id"))).findFirst().orElseThrow();
        assertThat(one.fields()).isEqualTo(Map.of("id", "plain-7", "n", 7L));
        assertThat(one.headers()).containsEntry("agent", "it");
    }

    @Test
    void anAgentSinkWithDeflateCompressionIsUnderstood() throws Exception {
        EmbeddedAgent agent = Agents.start("deflate", Agents.avroSinkTo(sluice.port(1),
                Map.of("compression-type", "deflate", "compression-level", "6")));
        try {
            Agents.put(agent, "deflate", 0, 200);
            await().atMost(SluiceWithFlumeSources.DEADLINE).until(() -> sluice.headerValues("id", "deflate-").size() >= 200);
        } finally {
            agent.stop();
        }
        assertThat(sluice.headerValues("id", "deflate-")).containsExactlyInAnyOrderElementsOf(
                Agents.ids("deflate", 0, 200));
    }

    @Test
    void anAgentSinkWithDeflateOverTlsIsUnderstood() throws Exception {
        EmbeddedAgent agent = Agents.start("tls", Agents.avroSinkTo(sluice.port(2),
                Map.of("compression-type", "deflate", "ssl", "true", "trust-all-certs", "true")));
        try {
            Agents.put(agent, "tls", 0, 200);
            await().atMost(SluiceWithFlumeSources.DEADLINE).until(() -> sluice.headerValues("id", "tls-").size() >= 200);
        } finally {
            agent.stop();
        }
        assertThat(sluice.headerValues("id", "tls-")).containsExactlyInAnyOrderElementsOf(
                Agents.ids("tls", 0, 200));
    }
}

package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.Record;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flume SDK's own RPC clients (default, failover, load-balancing) push to a running Sluice
 * pipeline with two flume sources; every acknowledged event arrives, with its headers.
 */
class FlumeSourceRpcClientsIT {
    private static SluicePipeline sluice;

    @BeforeAll
    static void startSluice() {
        sluice = SluicePipeline.start(Map.of("bind", "127.0.0.1", "port", 0), Map.of("bind", "127.0.0.1", "port", 0));
    }

    @AfterAll
    static void stopSluice() {
        sluice.close();
    }

    @Test
    void theDefaultClientsAppendAndAppendBatchArriveWithHeadersAndTimestamp() throws Exception {
        RpcClient client = RpcClientFactory.getDefaultInstance("127.0.0.1", sluice.port(0), 10);
        try {
            client.append(FlumeEvents.event("single", Map.of("id", "default-single", "timestamp", "1732390000123",
                    "host", "agent-7")));
            client.appendBatch(FlumeEvents.numbered("default", 0, 25));
        } finally {
            client.close();
        }

        List<String> expected = FlumeEvents.ids("default", 0, 25);
        sluice.awaitRecords(26);
        assertThat(idsWithPrefix("default-")).containsExactlyInAnyOrderElementsOf(
                concat(List.of("default-single"), expected));
        Record single = byId("default-single");
        assertThat(single.payload()).isEqualTo("single".getBytes(StandardCharsets.UTF_8));
        assertThat(single.headers()).containsEntry("host", "agent-7").containsEntry("timestamp", "1732390000123");
        assertThat(single.timestamp()).isEqualTo(1732390000123L);
        assertThat(byId("default-3").payloadAsString()).isEqualTo("default-3");
    }

    @Test
    void theFailoverClientSkipsADeadHostAndDeliversEverything() throws Exception {
        Properties props = new Properties();
        props.setProperty("client.type", "default_failover");
        props.setProperty("hosts", "dead live");
        props.setProperty("hosts.dead", "127.0.0.1:" + deadPort());
        props.setProperty("hosts.live", "127.0.0.1:" + sluice.port(1));
        props.setProperty("max-attempts", "2");
        props.setProperty("batch-size", "20");
        RpcClient client = RpcClientFactory.getInstance(props);
        try {
            for (int from = 0; from < 100; from += 20) {
                client.appendBatch(FlumeEvents.numbered("failover", from, from + 20));
            }
        } finally {
            client.close();
        }

        awaitIds("failover-", 100);
        assertThat(idsWithPrefix("failover-")).containsExactlyInAnyOrderElementsOf(FlumeEvents.ids("failover", 0, 100));
    }

    @Test
    void theLoadBalancingClientSpreadsOverBothSourcesAndDeliversEverything() throws Exception {
        double before0 = accepted(0);
        double before1 = accepted(1);
        Properties props = new Properties();
        props.setProperty("client.type", "default_loadbalance");
        props.setProperty("hosts", "a b");
        props.setProperty("hosts.a", "127.0.0.1:" + sluice.port(0));
        props.setProperty("hosts.b", "127.0.0.1:" + sluice.port(1));
        props.setProperty("host-selector", "round_robin");
        props.setProperty("batch-size", "10");
        RpcClient client = RpcClientFactory.getInstance(props);
        try {
            for (int from = 0; from < 100; from += 10) {
                client.appendBatch(FlumeEvents.numbered("balanced", from, from + 10));
            }
        } finally {
            client.close();
        }

        awaitIds("balanced-", 100);
        assertThat(idsWithPrefix("balanced-")).containsExactlyInAnyOrderElementsOf(FlumeEvents.ids("balanced", 0, 100));
        assertThat(accepted(0) - before0).as("events accepted by source 0").isEqualTo(50);
        assertThat(accepted(1) - before1).as("events accepted by source 1").isEqualTo(50);
    }

    private static double accepted(int source) {
        return sluice.context.metrics().getOrDefault("flume-" + source + ".events_accepted", 0.0);
    }

    private static void awaitIds(String prefix, int n) {
        org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> idsWithPrefix(prefix).size() >= n);
    }

    private static List<String> idsWithPrefix(String prefix) {
        return sluice.records.stream().map(r -> r.headers().get("id")).filter(id -> id != null && id.startsWith(prefix))
                .toList();
    }

    private static Record byId(String id) {
        return sluice.records.stream().filter(r -> id.equals(r.headers().get("id"))).findFirst().orElseThrow();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A port nothing listens on: the OS picked it free, and it was closed again. */
    static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

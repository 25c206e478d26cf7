package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.stream.BadRecord;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed and oversized input: refused or dead-lettered, and the source keeps serving. */
class FlumeSourceBadInputIT {
    private static SluicePipeline sluice;

    @BeforeAll
    static void startSluice() {
        sluice = SluicePipeline.start(Map.of("bind", "127.0.0.1", "port", 0, "format", "json", "max-batch-size", 5,
                "max-event-size", 64));
    }

    @AfterAll
    static void stopSluice() {
        sluice.close();
    }

    private static RpcClient client() {
        return RpcClientFactory.getDefaultInstance("127.0.0.1", sluice.port(), 100);
    }

    private static String json(String id) {
        return "{\"id\": \"" + id + "\", \"n\": 1}";
    }

    @Test
    void aBatchLargerThanTheMaximumFailsWholeAndTheSameEventsInSmallerBatchesArrive() throws Exception {
        List<org.apache.flume.Event> six = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(FlumeEvents.event(json("big-" + i), Map.of()));
        }
        RpcClient client = client();
        try {
            assertThatThrownBy(() -> client.appendBatch(six)).isInstanceOf(EventDeliveryException.class);
        } finally {
            client.close();
        }
        RpcClient retry = client();
        try {
            retry.appendBatch(six.subList(0, 3));
            retry.appendBatch(six.subList(3, 6));
        } finally {
            retry.close();
        }

        org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> ids("big-").size() >= 6);
        assertThat(ids("big-")).containsExactlyInAnyOrder("big-0", "big-1", "big-2", "big-3", "big-4", "big-5");
    }

    @Test
    void undecodableAndOversizedEventsAreDeadLetteredWhileTheirGoodNeighboursArrive() throws Exception {
        RpcClient client = client();
        try {
            client.appendBatch(List.of(
                    FlumeEvents.event(json("mixed-0"), Map.of()),
                    FlumeEvents.event("{\"id\": \"mixed-broken\"", Map.of("kind", "truncated")),
                    FlumeEvents.event("{\"id\": \"mixed-huge\", \"pad\": \"" + "x".repeat(100) + "\"}", Map.of()),
                    FlumeEvents.event(json("mixed-3"), Map.of())));
        } finally {
            client.close();
        }

        org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> ids("mixed-").size() >= 2
                && badWith("mixed-").size() >= 2);
        assertThat(ids("mixed-")).containsExactlyInAnyOrder("mixed-0", "mixed-3");
        List<BadRecord> bad = badWith("mixed-");
        assertThat(bad).extracting(BadRecord::origin).containsExactly("flume-0 appendBatch event 2 of 4",
                "flume-0 appendBatch event 3 of 4");
        assertThat(bad.get(1).cause()).hasMessageContaining("larger than max-event-size 64");
    }

    @Test
    void garbageOnTheWireDoesNotStopTheSourceFromServingOthers() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sluice.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: sluice\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
            out.flush();
        }
        RpcClient client = client();
        try {
            client.append(FlumeEvents.event(json("after-garbage"), Map.of()));
        } finally {
            client.close();
        }

        org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> !ids("after-garbage").isEmpty());
    }

    private static List<String> ids(String prefix) {
        return sluice.records.stream().map(r -> r.getString("id")).filter(id -> id != null && id.startsWith(prefix))
                .toList();
    }

    private static List<BadRecord> badWith(String marker) {
        return sluice.badRecords.stream().filter(b -> b.raw() != null
                && new String(b.raw(), StandardCharsets.UTF_8).contains(marker)).toList();
    }
}

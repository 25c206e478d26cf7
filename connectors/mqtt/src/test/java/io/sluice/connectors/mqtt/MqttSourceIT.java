package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.Record;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mqtt} source in pipelines run by the engine, against a HiveMQ broker in this JVM. */
class MqttSourceIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;
    private static TestClient publisher;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(dir, false);
        publisher = new TestClient(broker.uri(), "source-it-publisher");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        publisher.close();
        broker.close();
    }

    @Test
    void wildcardsEveryQosAndTopicLevelsAsFields() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "wildcards",
                "topics", Map.of("w/buses/+/events", "0", "w/depots/#", "1", "w/exact/q2", "2"),
                "topic-pattern", "w/buses/{bus}/events");
        try (ReceivingPipeline pipeline = new ReceivingPipeline("wildcards", config).start()) {
            publisher.publish("w/buses/7/events", "{\"boarded\":3}", 0);
            publisher.publish("w/depots/north/gate/1", "{\"open\":true}", 1);
            publisher.publish("w/exact/q2", "{\"n\":2}", 2);
            publisher.publish("w/other", "{\"n\":9}", 1);
            publisher.publish("w/buses/7/events/extra", "{\"n\":9}", 1);
            await().atMost(DEADLINE).until(() -> pipeline.records.size() >= 3);
            // The unmatched topics were published before the matched QoS 2 one finished, so a short grace is enough:
            // wait for a marker published after them on a subscribed topic.
            publisher.publish("w/depots/marker", "{\"marker\":true}", 1);
            await().atMost(DEADLINE).until(() -> pipeline.records.size() >= 4);

            Record bus = byTopic(pipeline.records, "w/buses/7/events");
            assertThat(bus.fields()).containsEntry("bus", "7").containsEntry("boarded", 3L);
            assertThat(bus.headers()).containsEntry("mqtt.qos", "0").containsEntry("mqtt.retained", "false");
            assertThat(byTopic(pipeline.records, "w/depots/north/gate/1").fields())
                    .containsEntry("open", true).doesNotContainKey("bus");
            assertThat(byTopic(pipeline.records, "w/exact/q2").headers()).containsEntry("mqtt.qos", "2");
            assertThat(pipeline.records).extracting(Record::position)
                    .containsExactlyInAnyOrder("w/buses/7/events", "w/depots/north/gate/1", "w/exact/q2", "w/depots/marker");
            assertThat(pipeline.bad).isEmpty();
        }
    }

    @Test
    void userPropertiesBecomeHeaders() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "props",
                "topics", Map.of("p/#", "1"), "format", "text");
        try (ReceivingPipeline pipeline = new ReceivingPipeline("props", config).start()) {
            publisher.publish("p/1", "hello".getBytes(StandardCharsets.UTF_8), 1, Map.of("trace-id", "abc"));
            await().atMost(DEADLINE).until(() -> pipeline.records.size() == 1);
            Record r = pipeline.records.get(0);
            assertThat(r.get("text")).isEqualTo("hello");
            assertThat(r.headers()).containsEntry("trace-id", "abc").containsEntry("mqtt.topic", "p/1");
        }
    }

    @Test
    void receivesOverWebSockets() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.webSocketUri()), "client-id", "websocket",
                "topics", Map.of("ws/+", "1"), "format", "text");
        try (ReceivingPipeline pipeline = new ReceivingPipeline("websocket", config).start()) {
            publisher.publish("ws/1", "over a websocket", 1);
            await().atMost(DEADLINE).until(() -> pipeline.records.size() == 1);
            assertThat(pipeline.payloadTexts()).containsExactly("over a websocket");
        }
    }

    @Test
    void badPayloadsAreReportedAndTheStreamGoesOn() throws Exception {
        Map<String, Object> json = Map.of("servers", List.of(broker.uri()), "client-id", "bad-json",
                "topics", Map.of("bad/json", "1"), "max-payload-bytes", 64);
        Map<String, Object> text = Map.of("servers", List.of(broker.uri()), "client-id", "bad-text",
                "topics", Map.of("bad/text", "1"), "format", "text");
        try (ReceivingPipeline jsonPipeline = new ReceivingPipeline("bad-json", json).start();
             ReceivingPipeline textPipeline = new ReceivingPipeline("bad-text", text).start()) {
            publisher.publish("bad/json", "{\"bus\":", 1);
            publisher.publish("bad/json", "{\"pad\":\"" + "x".repeat(100) + "\"}", 1);
            publisher.publish("bad/json", "{\"ok\":1}", 1);
            publisher.publish("bad/text", new byte[] {'o', (byte) 0xC3, (byte) 0x28}, 1, Map.of());
            publisher.publish("bad/text", "fine", 1);

            await().atMost(DEADLINE).until(() -> jsonPipeline.records.size() == 1 && textPipeline.records.size() == 1);
            await().atMost(DEADLINE).until(() -> jsonPipeline.bad.size() == 2 && textPipeline.bad.size() == 1);
            assertThat(jsonPipeline.records.get(0).fields()).containsEntry("ok", 1L);
            assertThat(jsonPipeline.bad).allSatisfy(b -> assertThat(b.origin()).isEqualTo("bad/json"));
            assertThat(jsonPipeline.bad.get(0).raw()).asString(StandardCharsets.UTF_8).isEqualTo("{\"bus\":");
            assertThat(jsonPipeline.bad.get(1).cause()).hasMessageContaining("max-payload-bytes");
            assertThat(textPipeline.bad.get(0).cause()).hasMessageContaining("UTF-8");
            assertThat(textPipeline.payloadTexts()).containsExactly("fine");
        }
        // Dead-lettered messages were acknowledged: a new run of the same sessions gets nothing again.
        try (ReceivingPipeline again = new ReceivingPipeline("bad-json", json).start()) {
            publisher.publish("bad/json", "{\"after\":1}", 1);
            await().atMost(DEADLINE).until(() -> again.records.size() == 1);
            assertThat(again.records.get(0).fields()).containsEntry("after", 1L);
            assertThat(again.bad).isEmpty();
        }
    }

    @Test
    void aMessageNotAcceptedBeforeTheStopIsDeliveredAgain() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "redeliver",
                "topics", Map.of("r/#", "1"), "format", "text");
        CountDownLatch release = new CountDownLatch(1);
        ReceivingPipeline first = new ReceivingPipeline("redeliver", config, 1,
                batch -> holdUnlessEmpty(batch, release));
        first.start();
        try {
            publisher.publish("r/1", "m1", 1);
            await().atMost(DEADLINE).until(() -> first.records.size() == 1);
            // m1's batch is held; with one record pending at most, m2 blocks in store and m3 waits behind it.
            publisher.publish("r/1", "m2", 1);
            publisher.publish("r/1", "m3", 1);
            await().atMost(DEADLINE).until(() -> metric(first, "sensors.messages_arrived") >= 2);
        } finally {
            // Stop while m2 is blocked in store: it is not accepted, so it is not acknowledged.
            Thread stopper = new Thread(() -> first.context.stop(false));
            stopper.start();
            await().atMost(DEADLINE).until(() -> metric(first, "sensors.messages_not_accepted") >= 1);
            release.countDown();
            stopper.join(DEADLINE.toMillis());
            first.context.awaitTermination(DEADLINE);
        }
        assertThat(first.payloadTexts()).containsExactly("m1");

        try (ReceivingPipeline second = new ReceivingPipeline("redeliver", config).start()) {
            await().atMost(DEADLINE).until(() -> second.records.size() >= 2);
            assertThat(second.payloadTexts()).containsExactly("m2", "m3");
        }
    }

    @Test
    void messagesPublishedWhileThePipelineWasAwayArriveOnItsReturn() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "away",
                "topics", Map.of("away/#", "1"), "format", "text");
        try (ReceivingPipeline first = new ReceivingPipeline("away", config).start()) {
            publisher.publish("away/1", "before", 1);
            await().atMost(DEADLINE).until(() -> first.records.size() == 1);
        }
        List<String> whileAway = IntStream.range(0, 20).mapToObj(i -> "away-" + i).toList();
        whileAway.forEach(m -> publisher.publish("away/1", m, 1));
        try (ReceivingPipeline second = new ReceivingPipeline("away", config).start()) {
            await().atMost(DEADLINE).until(() -> second.records.size() >= whileAway.size());
            assertThat(second.payloadTexts()).containsExactlyElementsOf(whileAway);
        }
    }

    @Test
    void aSharedSubscriptionSplitsTheStreamAcrossTwoPipelines() throws Exception {
        Map<String, Object> one = Map.of("servers", List.of(broker.uri()), "client-id", "shared-1",
                "topics", Map.of("$share/sluice/s/#", "1"), "format", "text");
        Map<String, Object> two = Map.of("servers", List.of(broker.uri()), "client-id", "shared-2",
                "topics", Map.of("$share/sluice/s/#", "1"), "format", "text");
        List<String> sent = IntStream.range(0, 200).mapToObj(i -> "s-" + i).toList();
        try (ReceivingPipeline a = new ReceivingPipeline("shared-a", one).start();
             ReceivingPipeline b = new ReceivingPipeline("shared-b", two).start()) {
            sent.forEach(m -> publisher.publish("s/" + Math.floorMod(m.hashCode(), 4), m, 1));
            await().atMost(DEADLINE).until(() -> a.records.size() + b.records.size() >= sent.size());
            // Every message exactly once over both pipelines: as plain subscriptions each would get all 200.
            // How the broker divides them is its policy (HiveMQ may hand a burst to one member), so it is not
            // asserted.
            List<String> all = new ArrayList<>(a.payloadTexts());
            all.addAll(b.payloadTexts());
            assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void mqtt311ModeReceivesWithTopicFields() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "v311",
                "protocol-version", "3.1.1", "topics", Map.of("v3/+/events", "1", "v3/q2", "2"),
                "topic-pattern", "v3/{bus}/events");
        try (ReceivingPipeline pipeline = new ReceivingPipeline("v311", config).start()) {
            publisher.publish("v3/9/events", "{\"boarded\":1}", 1);
            publisher.publish("v3/q2", "{\"n\":2}", 2);
            await().atMost(DEADLINE).until(() -> pipeline.records.size() == 2);
            assertThat(byTopic(pipeline.records, "v3/9/events").fields()).containsEntry("bus", "9");
            assertThat(byTopic(pipeline.records, "v3/q2").headers()).containsEntry("mqtt.qos", "2");
        }
        // Both were acknowledged (QoS 1 PUBACK, QoS 2 PUBCOMP): the session returns with nothing to redeliver.
        try (ReceivingPipeline again = new ReceivingPipeline("v311", config).start()) {
            publisher.publish("v3/10/events", "{\"boarded\":2}", 1);
            await().atMost(DEADLINE).until(() -> again.records.size() == 1);
            assertThat(again.records.get(0).fields()).containsEntry("bus", "10");
        }
    }

    private static double metric(ReceivingPipeline pipeline, String name) {
        return pipeline.context.metrics().getOrDefault(name, 0.0);
    }

    private static Record byTopic(List<Record> records, String topic) {
        return records.stream().filter(r -> topic.equals(r.position())).findFirst()
                .orElseThrow(() -> new AssertionError("no record from " + topic + " in " + records));
    }

    private static void holdUnlessEmpty(List<Record> batch, CountDownLatch latch) {
        if (!batch.isEmpty()) {
            awaitQuietly(latch);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

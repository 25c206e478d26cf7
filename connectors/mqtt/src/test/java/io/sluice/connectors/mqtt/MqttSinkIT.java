package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mqtt} sink in pipelines run by the engine, publishing to a HiveMQ broker in this JVM. */
class MqttSinkIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(dir, false);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void publishesEachRecordToTheTopicOfItsFieldsWithMqtt5Properties() throws Exception {
        try (TestClient subscriber = new TestClient(broker.uri(), "sink-subscriber")) {
            subscriber.subscribe("alerts/#", 1);
            List<BadRecord> bad = runSink("alerts", Map.of("servers", List.of(broker.uri()), "topic", "alerts/{bus}",
                    "qos", 1, "message-expiry", "10m", "content-type", "application/json"), List.of(
                    Record.builder().field("bus", "b1").field("occupancy", 61L).header("trace", "t1").build(),
                    Record.builder().field("bus", "b2").field("occupancy", 70L).build(),
                    Record.builder().field("occupancy", 5L).build()));

            await().atMost(DEADLINE).until(() -> subscriber.received.size() == 2);
            TestClient.Received b1 = subscriber.received.stream().filter(m -> m.topic().equals("alerts/b1"))
                    .findFirst().orElseThrow();
            assertThat(b1.payload()).isEqualTo("{\"bus\":\"b1\",\"occupancy\":61}");
            assertThat(b1.message().getQos()).isEqualTo(1);
            assertThat(b1.message().getProperties().getContentType()).isEqualTo("application/json");
            assertThat(b1.message().getProperties().getMessageExpiryInterval()).isBetween(1L, 600L);
            assertThat(b1.message().getProperties().getUserProperties()).containsExactly(new UserProperty("trace", "t1"));
            assertThat(subscriber.received).extracting(TestClient.Received::topic)
                    .containsExactlyInAnyOrder("alerts/b1", "alerts/b2");
            assertThat(bad).singleElement().satisfies(b -> assertThat(b.cause()).hasMessageContaining("'bus' is missing"));
        }
    }

    @Test
    void retainedMessagesReachLaterSubscribers() throws Exception {
        runSink("retained", Map.of("servers", List.of(broker.uri()), "topic", "status/{bus}", "retain", true,
                "format", "text"), List.of(Record.builder().field("bus", "b9").field("text", "full").build()));
        try (TestClient late = new TestClient(broker.uri(), "late-subscriber")) {
            late.subscribe("status/+", 1);
            await().atMost(DEADLINE).until(() -> late.received.size() == 1);
            assertThat(late.received.get(0).payload()).isEqualTo("full");
            assertThat(late.received.get(0).message().isRetained()).isTrue();
        }
    }

    @Test
    void mqtt311ModePublishesAtEveryQos() throws Exception {
        try (TestClient subscriber = new TestClient(broker.uri(), "v3-subscriber")) {
            subscriber.subscribe("v3out/#", 2);
            for (int qos = 0; qos <= 2; qos++) {
                runSink("v3-" + qos, Map.of("servers", List.of(broker.uri()), "protocol-version", "3.1.1",
                        "topic", "v3out/{n}", "qos", qos), List.of(Record.builder().field("n", (long) qos).build()));
            }
            await().atMost(DEADLINE).until(() -> subscriber.received.size() == 3);
            assertThat(subscriber.received).extracting(TestClient.Received::topic)
                    .containsExactlyInAnyOrder("v3out/0", "v3out/1", "v3out/2");
        }
    }

    /** Runs a pipeline that writes {@code records} (one batch) to an mqtt sink, and returns what it dead-lettered. */
    private static List<BadRecord> runSink(String name, Map<String, Object> config, List<Record> records)
            throws InterruptedException {
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        StreamingContext context = StreamingContext.builder()
                .name(name)
                .batchInterval(Duration.ofMillis(100))
                .formats(RecordFormats.standard()::get)
                .errorReporter(bad::add)
                .build();
        Queue<List<Record>> queue = new ArrayDeque<>(List.of(records));
        RecordStream.of(context.queueStream("records", queue, true))
                .to("out", new MqttSinkFactory(), ReceivingPipeline.config(MqttSinkFactory.SPEC, config));
        context.start();
        assertThat(context.awaitTermination(DEADLINE)).as("pipeline %s finished", name).isTrue();
        return bad;
    }
}

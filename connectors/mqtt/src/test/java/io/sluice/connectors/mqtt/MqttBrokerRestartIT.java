package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and starts again under a running pipeline: its persistent session (file persistence on
 * the broker) keeps the subscription and the queued QoS 1 messages, the source reconnects by itself, and
 * no message is lost.
 */
@Tag("slow")
class MqttBrokerRestartIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(dir, true);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void noQos1MessageIsLostWhenTheBrokerRestartsMidStream() throws Exception {
        for (String protocol : List.of("5", "3.1.1")) {
            Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "restart-" + protocol,
                    "protocol-version", protocol, "topics", Map.of("restart/" + protocol + "/#", "1"),
                    "format", "text", "reconnect-max-delay", "2s", "connect-timeout", "3s");
            List<String> before = IntStream.range(0, 100).mapToObj(i -> "before-" + i).toList();
            List<String> after = IntStream.range(0, 100).mapToObj(i -> "after-" + i).toList();
            // The pipeline holds its first batch until after the restart and accepts at most 10 records meanwhile,
            // so most messages are queued or in flight, unacknowledged, when the broker goes down.
            CountDownLatch hold = new CountDownLatch(1);
            try (ReceivingPipeline pipeline = new ReceivingPipeline("restart", config, 10,
                    batch -> holdUnlessEmpty(batch, hold)).start()) {
                try {
                    try (TestClient publisher = new TestClient(broker.uri(), "restart-publisher")) {
                        before.forEach(m -> publisher.publish("restart/" + protocol + "/a", m, 1));
                    }
                    await().atMost(DEADLINE).until(() -> !pipeline.records.isEmpty());
                    broker.restart();
                    try (TestClient publisher = new TestClient(broker.uri(), "restart-publisher")) {
                        after.forEach(m -> publisher.publish("restart/" + protocol + "/a", m, 1));
                    }
                } finally {
                    hold.countDown();
                }
                await().atMost(DEADLINE).until(() -> pipeline.payloadTexts().containsAll(after)
                        && pipeline.payloadTexts().containsAll(before));
                // At least once: a message delivered but not yet acknowledged when the broker went down comes again.
                assertThat(pipeline.payloadTexts()).containsAll(before).containsAll(after)
                        .allMatch(t -> before.contains(t) || after.contains(t));
                assertThat(pipeline.records).extracting(Record::position).containsOnly("restart/" + protocol + "/a");
            }
        }
    }

    @Test
    void aPublishThatFailsFailsTheBatchWhichTheEngineRetriesUntilTheBrokerIsBack() throws Exception {
        Map<String, Object> receiving = Map.of("servers", List.of(broker.uri()), "client-id", "retry-receiver",
                "topics", Map.of("retry/#", "1"), "reconnect-max-delay", "2s", "connect-timeout", "3s");
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        StreamingContext publishing = StreamingContext.builder()
                .name("retry-publisher")
                .batchInterval(Duration.ofMillis(100))
                .formats(RecordFormats.standard()::get)
                .batchRetries(12, Duration.ofMillis(200))
                .listener(reports::add)
                .build();
        Queue<List<Record>> queue = new ConcurrentLinkedQueue<>();
        RecordStream.of(publishing.queueStream("alerts", queue)).to("out", new MqttSinkFactory(),
                ReceivingPipeline.config(MqttSinkFactory.SPEC, Map.of("servers", List.of(broker.uri()),
                        "topic", "retry/{bus}", "reconnect-max-delay", "2s", "connect-timeout", "3s")));
        try (ReceivingPipeline receiver = new ReceivingPipeline("retry-receiver", receiving).start()) {
            publishing.start();
            try {
                broker.stopBroker();
                queue.add(List.of(Record.builder().field("bus", "b1").field("occupancy", 70L).build()));
                broker.startBroker();
                await().atMost(DEADLINE).until(() -> receiver.records.size() == 1);
                assertThat(receiver.records.get(0).fields()).containsEntry("bus", "b1").containsEntry("occupancy", 70L);
                assertThat(reports).filteredOn(r -> r.recordsIn() == 1).singleElement()
                        .satisfies(r -> assertThat(r.attempts()).isGreaterThan(1))
                        .satisfies(r -> assertThat(r.succeeded()).isTrue());
            } finally {
                publishing.stop(true);
                publishing.awaitTermination(DEADLINE);
            }
        }
    }

    /** Holds the batch (and the worker running it) until {@code latch} opens; empty batches pass. */
    private static void holdUnlessEmpty(List<Record> batch, CountDownLatch latch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

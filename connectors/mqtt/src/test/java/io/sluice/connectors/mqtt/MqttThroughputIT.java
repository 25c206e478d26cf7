package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT to Sluice throughput at QoS 1 against the embedded broker: prints events/s, asserts only that every
 * message arrived (no timing). Two figures: draining a backlog the broker queued for the persistent session
 * while the pipeline was away (the receiver alone), and a live stream published while the pipeline runs.
 * {@code -Dmqtt.bench.messages=N} changes the message count (default 5,000, to keep CI short), and
 * {@code -Dmqtt.bench.broker=tcp://127.0.0.1:1883} measures another broker (e.g. a local mosquitto).
 *
 * <pre>{@code
 * ./mvnw -o -q verify -pl connectors/mqtt -Dit.test=MqttThroughputIT -Dtest=none -Dmqtt.bench.messages=200000
 * }</pre>
 */
@Tag("slow")
@Tag("bench")
class MqttThroughputIT {
    private static final int MESSAGES = Integer.getInteger("mqtt.bench.messages", 5_000);
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;
    /** The broker measured: the embedded one, or {@code -Dmqtt.bench.broker=tcp://host:port} (e.g. a local mosquitto). */
    private static String uri;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(dir, false);
        uri = System.getProperty("mqtt.bench.broker", broker.uri());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @TempDir
    Path walDir;

    @Test
    void qos1EventsPerSecondIntoAPipeline() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(uri), "client-id", "bench",
                "topics", Map.of("bench/+/events", "1"), "topic-pattern", "bench/{bus}/events");
        try (ReceivingPipeline first = new ReceivingPipeline("bench", config).start()) {
            await().atMost(DEADLINE).until(() -> first.context.state() == StreamingContext.State.ACTIVE);
        }
        publish(MESSAGES, "bench", "backlog");
        long drain = timeToReceive(config, MESSAGES, false, null);
        long live = timeToReceive(config, MESSAGES, true, null);
        long logged = timeToReceive(config, MESSAGES, true, walDir);
        long plain = timeToReceiveWithPlainPaho(MESSAGES);
        System.out.printf("MQTT -> Sluice, QoS 1, %d messages of ~100 bytes, broker %s, %d cores:%n"
                        + "  backlog drain: %d ms = %.0f events/s%n  live (publisher in the same JVM): %d ms = %.0f events/s%n"
                        + "  live, acknowledged after the write-ahead log's fsync: %d ms = %.0f events/s%n"
                        + "  reference, a plain Paho subscriber (automatic acks, no Sluice), live: %d ms = %.0f events/s%n",
                MESSAGES, uri, Runtime.getRuntime().availableProcessors(), drain, MESSAGES * 1000.0 / drain, live,
                MESSAGES * 1000.0 / live, logged, MESSAGES * 1000.0 / logged, plain, MESSAGES * 1000.0 / plain);
    }

    /** The same live stream into a bare Paho MQTT 5 client: what the broker and client manage without Sluice. */
    private static long timeToReceiveWithPlainPaho(int count) throws Exception {
        try (TestClient subscriber = new TestClient(uri, "bench-plain")) {
            subscriber.subscribe("plain/#", 1);
            long start = System.nanoTime();
            publish(count, "plain", "plain");
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> subscriber.received.size() >= count);
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
    }

    /** Starts the pipeline (publishing {@code count} messages once it runs, if {@code publishLive}) and times it. */
    private static long timeToReceive(Map<String, Object> config, int count, boolean publishLive, Path checkpointDir)
            throws Exception {
        ReceivingPipeline pipeline = new ReceivingPipeline("bench", config, 100_000, batch -> { }, checkpointDir);
        long start = System.nanoTime();
        try (pipeline) {
            pipeline.start();
            if (publishLive) {
                publish(count, "bench", "live");
            }
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> pipeline.records.size() >= count);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(pipeline.records).hasSizeGreaterThanOrEqualTo(count);
            assertThat(pipeline.bad).isEmpty();
            return millis;
        }
    }

    /** Publishes at QoS 1 with many messages in flight (the connector's own publishing connection). */
    private static void publish(int count, String topicRoot, String run) {
        ComponentContext context = TestComponentContext.builder().config(Config.builder(MqttSinkFactory.SPEC)
                .setRaw("servers", List.of(uri)).setRaw("client-id", "bench-publisher")
                .setRaw("topic", "unused").build()).build();
        try (BrokerConnection connection = Connections.publishing(ConnectionSettings.from(context))) {
            connection.connect();
            List<CompletableFuture<Void>> acks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String bus = "bus-" + (i % 2000);
                byte[] payload = ("{\"bus\":\"" + bus + "\",\"run\":\"" + run + "\",\"seq\":" + i
                        + ",\"boarded\":3,\"alighted\":1,\"capacity\":80}").getBytes(StandardCharsets.UTF_8);
                acks.add(connection.publish(new OutboundMessage(topicRoot + "/" + bus + "/events", payload, 1, false,
                        Optional.empty(), Optional.empty(), Map.of())));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        }
    }
}

package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * At-least-once from MQTT through crashes: a client in the test publishes numbered QoS 1 messages to an
 * embedded HiveMQ broker without pause while a pipeline from the distribution (mqtt source in a persistent
 * session, a file sink, a checkpoint directory) is SIGKILLed at random moments and restarted, again and again.
 * Then publishing stops, the last run drains the broker's queue for its session and is stopped with SIGTERM
 * (exit 0). Every message the broker acknowledged to the publisher must be in the output at least once: the
 * source acknowledges a message only once the write-ahead log holds it, and the broker delivers the
 * unacknowledged ones again to the persistent session. Duplicates are allowed, counted and printed.
 */
@Tag("slow")
class MqttCrashRecoveryIT {
    private static final int KILLS = Integer.getInteger("sluice.crash.kills.mqtt", 10);
    private static final String CLIENT_ID = "sluice-mqtt-crash";
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Each run is short, so its start-up counts: C1 only and the serial collector start faster. */
    private static final Map<String, String> CHILD_JVM = Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    @TempDir
    Path work;

    @Test
    void killedAtRandomWhilePublishingContinuesEveryAcknowledgedMessageIsInTheOutput() throws Exception {
        try (MqttBroker broker = MqttBroker.start(work.resolve("broker"))) {
            openPersistentSession(broker.uri());
            CrashLoop loop = new CrashLoop("MqttCrashRecoveryIT", work, writePipeline(broker.uri()), CHILD_JVM,
                    Duration.ofMillis(1000));
            long seed = loop.seed();
            NumberedPublisher publisher = NumberedPublisher.start(broker.uri(), "crash/events", 25, Duration.ofMillis(50));
            List<Long> killedAfterBatches;
            int published;
            try {
                killedAfterBatches = loop.killRepeatedly(KILLS);
            } finally {
                published = publisher.stop();
            }
            Process last = loop.start("last");
            try {
                await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> !last.isAlive()
                        || CrashLoop.lastBatch(loop.output("last")) > 0 && new TreeSet<>(received()).size() >= published);
                assertThat(last.isAlive()).as("the last run keeps running until stopped (seed %d); output:\n%s", seed,
                        Files.readString(loop.output("last"))).isTrue();
                int exit = CrashLoop.terminate(last, Duration.ofMinutes(1));
                assertThat(exit).as("SIGTERM stops gracefully (seed %d); output:\n%s", seed,
                        Files.readString(loop.output("last"))).isZero();
            } finally {
                last.destroyForcibly();
            }

            List<Long> received = received();
            TreeSet<Long> distinct = new TreeSet<>(received);
            TreeSet<Long> lost = new TreeSet<>();
            for (long n = 0; n < published; n++) {
                if (!distinct.contains(n)) {
                    lost.add(n);
                }
            }
            System.out.println("MqttCrashRecoveryIT: published " + published + " messages, killed " + KILLS
                    + " times, after batches " + killedAfterBatches + "; " + received.size() + " records out, "
                    + (received.size() - distinct.size()) + " duplicates");
            assertThat(lost).as("acknowledged messages lost (seed %d, killed after batches %s)", seed,
                    killedAfterBatches).isEmpty();
            assertThat(distinct).as("nothing but what was published").allMatch(n -> n >= 0 && n < published);
        }
    }

    /**
     * The pipeline's session, made before it first runs so that the broker queues every message published from
     * the start: clean start off, the subscription of the pipeline, a session that outlives the disconnect.
     */
    private static void openPersistentSession(String uri) throws Exception {
        MqttClient client = new MqttClient(uri, CLIENT_ID, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(Duration.ofHours(1).toSeconds());
        client.connect(options);
        client.subscribe("crash/#", 1);
        client.disconnect();
        client.close();
    }

    /** The numbers in every batch file the pipeline wrote (temporary files, starting with '.', left out). */
    private List<Long> received() throws IOException {
        Path out = work.resolve("out");
        List<Long> numbers = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return numbers;
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    numbers.add(JSON.readTree(line).get("n").asLong());
                }
            }
        }
        return numbers;
    }

    private Path writePipeline(String uri) throws IOException {
        Path file = work.resolve("mqtt-crash.yaml");
        Files.writeString(file, """
                name: mqtt-crash
                batch-interval: 200ms
                checkpoint-dir: %s
                sources:
                  events:
                    type: mqtt
                    servers: ["%s"]
                    client-id: %s
                    topics: {"crash/#": 1}
                    persistent-session: true
                    format: json
                    reconnect-max-delay: 2s
                    connect-timeout: 30s
                streams:
                  numbers:
                    from: events
                    steps:
                      - map: {n: "n"}
                sinks:
                  files:
                    type: file
                    from: numbers
                    path: %s
                    prefix: numbers
                """.formatted(work.resolve("checkpoint"), uri, CLIENT_ID, work.resolve("out")));
        return file;
    }
}

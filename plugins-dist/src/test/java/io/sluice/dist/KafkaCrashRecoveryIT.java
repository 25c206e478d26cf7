package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once from Kafka to Kafka through crashes: a topic of 6 partitions holds {@value #EVENTS} numbered
 * events; a pipeline from the distribution (kafka source, a map and a filter, kafka sink with
 * {@code delivery: exactly-once}, a checkpoint directory) is SIGKILLed at random moments and restarted on the
 * same directory, again and again (reading, computing, inside a transaction, committing it, checkpointing:
 * wherever the kill lands). The last run is stopped with SIGTERM once the output holds every event and must
 * exit 0. A read_committed consumer must then see every input event exactly once in the output topic.
 */
@Tag("slow")
class KafkaCrashRecoveryIT {
    private static final int PARTITIONS = 6;
    private static final int EVENTS = 6_000;
    private static final int PER_PARTITION_PER_BATCH = 50;   // 300 events a batch: 20 batches in all
    private static final int KILLS = Integer.getInteger("sluice.crash.kills.kafka", 10);
    private static final String TRANSACTIONAL_ID = "crash-kafka-out";
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Each run is short, so its start-up counts: C1 only and the serial collector start faster. */
    private static final Map<String, String> CHILD_JVM = Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    private static final Pattern INPUT_BATCH = Pattern.compile("^batch \\d+ .* in=[1-9]\\d* .*processing=(\\d+)ms",
            Pattern.MULTILINE);
    private static KafkaBroker kafka;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void killedAtRandomAndRestartedEveryEventIsCommittedToTheOutputExactlyOnce() throws Exception {
        kafka.createTopic("crash-in", PARTITIONS);
        kafka.createTopic("crash-out", PARTITIONS);
        kafka.sendAll("crash-in", PARTITIONS, IntStream.range(0, EVENTS).mapToObj(n -> "{\"n\": " + n + "}").toList());
        CrashLoop loop = new CrashLoop("KafkaCrashRecoveryIT", work, writePipeline(), CHILD_JVM, Duration.ofMillis(2000));
        long seed = loop.seed();

        List<Long> killedAfterBatches = loop.killRepeatedly(KILLS);
        Process last = loop.start("last");
        try {
            await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> !last.isAlive()
                    || CrashLoop.lastBatch(loop.output("last")) > 0 && committed().size() >= EVENTS);
            assertThat(last.isAlive()).as("the last run keeps running until stopped (seed %d); output:\n%s", seed,
                    Files.readString(loop.output("last"))).isTrue();
            int exit = CrashLoop.terminate(last, Duration.ofMinutes(1));
            assertThat(exit).as("SIGTERM stops gracefully (seed %d); output:\n%s", seed,
                    Files.readString(loop.output("last"))).isZero();
        } finally {
            last.destroyForcibly();
        }
        kafka.awaitTransactionSettled(TRANSACTIONAL_ID);
        List<String> output = committed();
        int uncommitted = kafka.values("crash-out", "read_uncommitted").size();
        System.out.println("KafkaCrashRecoveryIT: killed " + KILLS + " times, after batches " + killedAfterBatches
                + "; the last run ended after batch " + CrashLoop.lastBatch(loop.output("last")) + "; "
                + output.size() + " records read_committed, " + uncommitted + " read_uncommitted (aborted included); "
                + "the last run's batches with input: " + batchesWithInput(loop.output("last")));

        Map<Long, Integer> seen = new TreeMap<>();
        for (String value : output) {
            JsonNode record = JSON.readTree(value);
            long n = record.get("n").asLong();
            assertThat(record.get("doubled").asLong()).as("event %d mapped (seed %d)", n, seed).isEqualTo(2 * n);
            seen.merge(n, 1, Integer::sum);
        }
        TreeSet<Long> lost = new TreeSet<>();
        for (long n = 0; n < EVENTS; n++) {
            if (!seen.containsKey(n)) {
                lost.add(n);
            }
        }
        Map<Long, Integer> duplicated = new TreeMap<>(seen);
        duplicated.values().removeIf(count -> count == 1);
        assertThat(lost).as("events lost (seed %d, killed after batches %s)", seed, killedAfterBatches).isEmpty();
        assertThat(duplicated).as("events committed more than once (seed %d, killed after batches %s)", seed,
                killedAfterBatches).isEmpty();
        assertThat(seen.keySet()).as("nothing but the input").allMatch(n -> n >= 0 && n < EVENTS);
        assertThat(output).hasSize(EVENTS);
    }

    /** The batch lines of a run that read records: how many, and their processing times. */
    private static String batchesWithInput(Path out) throws IOException {
        Matcher m = INPUT_BATCH.matcher(Files.readString(out));
        List<String> times = new ArrayList<>();
        while (m.find()) {
            times.add(m.group(1) + "ms");
        }
        return times.size() + ", processing " + times;
    }

    private static List<String> committed() {
        return kafka.values("crash-out", "read_committed");
    }

    private Path writePipeline() throws IOException {
        Path file = work.resolve("kafka-crash.yaml");
        Files.writeString(file, """
                name: kafka-crash
                batch-interval: 200ms
                checkpoint-dir: %1$s
                sources:
                  events:
                    type: kafka
                    bootstrap-servers: ["%2$s"]
                    topics: [crash-in]
                    starting-offsets: earliest
                    max-records-per-partition: %3$d
                streams:
                  doubled:
                    from: events
                    steps:
                      - map: {n: "n", doubled: "n * 2"}
                      - filter: "doubled >= 0"
                sinks:
                  out:
                    type: kafka
                    from: doubled
                    bootstrap-servers: ["%2$s"]
                    topic: crash-out
                    key-field: n
                    delivery: exactly-once
                    transactional-id-prefix: %4$s
                """.formatted(work.resolve("checkpoint"), kafka.bootstrapServers(), PER_PARTITION_PER_BATCH,
                TRANSACTIONAL_ID));
        return file;
    }
}

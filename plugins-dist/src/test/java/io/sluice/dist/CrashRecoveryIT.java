package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash harness of the durability issue: the bus pipeline runs from the distribution as a child
 * JVM with a checkpoint directory and an exactly-once file sink, and is killed with SIGKILL at random
 * moments (receiving, computing, writing outputs, checkpointing: wherever the kill lands), then
 * restarted on the same directory, again and again; the last run goes to the end. Every batch's
 * output file must then hold exactly the reference occupancy of every bus after that batch's events:
 * no input lost, none counted twice, no batch missing. The kill loop is {@link CrashLoop}, shared with the
 * Kafka and MQTT crash tests.
 */
@Tag("slow")
class CrashRecoveryIT {
    private static final int BUSES = 40;
    private static final int EVENTS_PER_BATCH = 400;
    private static final int BATCHES = 150;
    private static final int KILLS = Integer.getInteger("sluice.crash.kills", 20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void killedAtRandomAndRestartedTheOutputEqualsTheReference() throws Exception {
        Path pipeline = writePipeline();
        CrashLoop loop = new CrashLoop("CrashRecoveryIT", work, pipeline, Map.of(), Duration.ofMillis(700));
        long seed = loop.seed();
        List<Long> killedAfterBatches = loop.killRepeatedly(KILLS);
        Process last = loop.start("last");
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("the last run finishes").isTrue();
        assertThat(last.exitValue()).as("exit code; output:\n%s", Files.readString(loop.output("last"))).isZero();
        System.out.println("CrashRecoveryIT: killed " + KILLS + " times, after batches " + killedAfterBatches);

        for (int batch = 1; batch <= BATCHES; batch++) {
            Path file = work.resolve("out").resolve("occupancy-" + batch + ".jsonl");
            assertThat(file).as("output of batch %d (seed %d)", batch, seed).exists();
            long[] reference = BusWorkload.occupancyAfter((long) batch * EVENTS_PER_BATCH, BUSES);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).as("batch %d has every bus once (seed %d)", batch, seed).hasSize(BUSES);
            for (String line : lines) {
                JsonNode record = JSON.readTree(line);
                int bus = Integer.parseInt(record.get("bus").asString().substring("bus-".length()));
                assertThat(record.get("occupancy").asLong()).as("bus %d after batch %d (seed %d)", bus, batch, seed)
                        .isEqualTo(reference[bus]);
            }
        }
        try (Stream<Path> files = Files.list(work.resolve("out"))) {
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith(".")).count())
                    .as("one file per batch, nothing else").isEqualTo(BATCHES);
        }
    }

    private Path writePipeline() throws IOException {
        Path file = work.resolve("crash.yaml");
        Files.writeString(file, """
                name: crash-harness
                batch-interval: 100ms
                checkpoint-dir: %s
                sources:
                  sensors:
                    type: generator
                    workload: bus-sensors
                    buses: %d
                    events-per-batch: %d
                    limit: %d
                streams:
                  occupancy:
                    from: sensors
                    steps:
                      - parse: json
                      - map: {bus: "bus", delta: "boarded - alighted"}
                      - key-by: bus
                      - reduce-by-key: {delta: "sum(delta)"}
                      - update-state: {occupancy: "sum(delta)"}
                sinks:
                  files:
                    type: file
                    from: occupancy
                    path: %s
                    prefix: occupancy
                """.formatted(work.resolve("checkpoint"), BUSES, EVENTS_PER_BATCH, BATCHES * EVENTS_PER_BATCH,
                work.resolve("out")));
        return file;
    }
}

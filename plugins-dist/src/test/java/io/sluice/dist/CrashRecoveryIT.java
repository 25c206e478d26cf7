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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * no input lost, none counted twice, no batch missing.
 */
@Tag("slow")
class CrashRecoveryIT {
    private static final int BUSES = 40;
    private static final int EVENTS_PER_BATCH = 400;
    private static final int BATCHES = 150;
    private static final int KILLS = Integer.getInteger("sluice.crash.kills", 20);
    private static final Pattern BATCH_LINE = Pattern.compile("^batch (\\d+) ", Pattern.MULTILINE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void killedAtRandomAndRestartedTheOutputEqualsTheReference() throws Exception {
        Path pipeline = writePipeline();
        long seed = Long.getLong("sluice.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashRecoveryIT seed " + seed + " (rerun with -Dsluice.crash.seed=" + seed + ")");
        int kills = 0;
        List<Long> killedAfterBatches = new ArrayList<>();
        for (int life = 0; kills < KILLS; life++) {
            Path out = work.resolve("run-" + life + ".out");
            Process process = start(pipeline, out);
            long lastBatch = lastBatch(out);
            await().atMost(Duration.ofMinutes(1)).until(() -> lastBatch(out) > lastBatch || !process.isAlive());
            if (!process.isAlive()) {
                throw new AssertionError("the pipeline ended before the kills were done (exit " + process.exitValue()
                        + ", after " + kills + " kills); raise BATCHES. Output:\n" + Files.readString(out));
            }
            process.waitFor(random.nextInt(700), TimeUnit.MILLISECONDS);   // a random moment of its life
            process.destroyForcibly();                                        // SIGKILL
            process.waitFor(1, TimeUnit.MINUTES);
            killedAfterBatches.add(lastBatch(out));
            kills++;
        }
        Path out = work.resolve("last.out");
        Process last = start(pipeline, out);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("the last run finishes").isTrue();
        assertThat(last.exitValue()).as("exit code; output:\n%s", Files.readString(out)).isZero();
        System.out.println("CrashRecoveryIT: killed " + kills + " times, after batches " + killedAfterBatches);

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

    private Process start(Path pipeline, Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Distribution.HOME.resolve("bin/sluice").toString(), "run",
                pipeline.toString()).directory(work.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("SLUICE_PLUGINS_DIR");
        return pb.start();
    }

    /** The id of the last batch the run printed, or 0. */
    private static long lastBatch(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        Matcher m = BATCH_LINE.matcher(Files.readString(out, StandardCharsets.UTF_8));
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
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

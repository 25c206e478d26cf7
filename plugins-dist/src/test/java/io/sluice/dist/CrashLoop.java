package io.sluice.dist;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kill loop of the crash tests: runs a pipeline from the distribution ({@code bin/sluice run}, which
 * execs the JVM, so the child process is the pipeline itself) on one checkpoint directory, waits until each
 * run has finished a batch (see {@link #killRepeatedly}), lets it live a random while longer and kills it
 * with SIGKILL, then starts it again. Each run's stdout and stderr go to {@code run-N.out} in the work directory.
 *
 * <pre>{@code
 * CrashLoop loop = new CrashLoop("KafkaCrashRecoveryIT", work, pipeline, Map.of(), Duration.ofMillis(700));
 * List<Long> killedAfter = loop.killRepeatedly(10);
 * Process last = loop.start("last");
 * }</pre>
 *
 * <p>The seed comes from {@code -Dsluice.crash.seed} (else the clock) and is printed, so a failing run can be
 * repeated with the same kill delays (the moments differ anyway: they depend on the machine's speed).
 */
final class CrashLoop {
    /** A run that has not printed the batch awaited within this is stuck (generous: the machine may be loaded). */
    private static final Duration BATCH_DEADLINE = Duration.ofMinutes(2);
    private static final Pattern BATCH_LINE = Pattern.compile("^batch (\\d+) ", Pattern.MULTILINE);

    private final String name;
    private final Path work;
    private final Path pipeline;
    private final Map<String, String> env;
    private final Duration maxLifeAfterBatch;
    private final long seed;
    private final Random random;
    private int lives;

    /**
     * @param maxLifeAfterBatch each run is killed a random time between 0 and this after its first batch line
     */
    CrashLoop(String name, Path work, Path pipeline, Map<String, String> env, Duration maxLifeAfterBatch) {
        this.name = name;
        this.work = work;
        this.pipeline = pipeline;
        this.env = env;
        this.maxLifeAfterBatch = maxLifeAfterBatch;
        this.seed = Long.getLong("sluice.crash.seed", System.nanoTime());
        this.random = new Random(seed);
        System.out.println(name + " seed " + seed + " (rerun with -Dsluice.crash.seed=" + seed + ")");
    }

    long seed() {
        return seed;
    }

    /**
     * Starts and SIGKILLs the pipeline {@code kills} times. A restarted run first prints the lines of the logged
     * batches it runs again, then new batches; so that kills land in both phases, each run is killed a random
     * moment after either its first batch line or (chosen at random) its first batch beyond every batch an
     * earlier run printed, which also makes sure the pipeline advances.
     *
     * @return the id of the last batch each killed run printed (0: none yet), in kill order
     * @throws AssertionError if a run ends by itself or prints no batch in time
     */
    List<Long> killRepeatedly(int kills) throws IOException, InterruptedException {
        List<Long> killedAfterBatches = new ArrayList<>();
        long highest = 0;
        for (int kill = 0; kill < kills; kill++) {
            Path out = output("run-" + lives);
            Process process = start("run-" + lives);
            long awaited = random.nextBoolean() ? highest : 0;
            try {
                await().atMost(BATCH_DEADLINE).until(() -> lastBatch(out) > awaited || !process.isAlive());
                if (!process.isAlive()) {
                    throw new AssertionError(name + ": the pipeline ended before the kills were done (exit "
                            + process.exitValue() + ", after " + kill + " kills, seed " + seed + "). Output:\n"
                            + Files.readString(out));
                }
                process.waitFor(random.nextInt((int) maxLifeAfterBatch.toMillis() + 1), TimeUnit.MILLISECONDS);
            } finally {
                process.destroyForcibly();                                   // SIGKILL
                process.waitFor(1, TimeUnit.MINUTES);
            }
            long last = lastBatch(out);
            killedAfterBatches.add(last);
            highest = Math.max(highest, last);
        }
        return killedAfterBatches;
    }

    /** Starts one run of the pipeline, its output going to {@code label.out} in the work directory. */
    Process start(String label) throws IOException {
        lives++;
        ProcessBuilder pb = new ProcessBuilder(Distribution.HOME.resolve("bin/sluice").toString(), "run",
                pipeline.toString()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output(label).toFile());
        pb.environment().remove("SLUICE_PLUGINS_DIR");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Where the run {@code label} writes its stdout and stderr. */
    Path output(String label) {
        return work.resolve(label + ".out");
    }

    /**
     * Stops a run gracefully (SIGTERM) and waits for it.
     *
     * @return its exit code
     * @throws AssertionError if it did not stop within {@code timeout}
     */
    static int terminate(Process process, Duration timeout) throws InterruptedException {
        process.destroy();                                                   // SIGTERM
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the pipeline did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** The id of the last batch line in {@code out}, or 0. */
    static long lastBatch(Path out) throws IOException {
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
}

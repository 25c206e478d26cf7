package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sluice command's contract from the outside: messages, positions and exit codes. */
class CommandLineIT {
    @TempDir
    Path work;

    @Test
    void validateReportsEveryProblemWithFileLineAndColumnAndExitsOne() throws Exception {
        Path broken = work.resolve("broken.yaml");
        Files.copy(Path.of("src/test/resources/pipelines/broken.yaml"), broken);

        Distribution.Run run = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "validate", "broken.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("broken.yaml:")).toList()).containsExactly(
                "broken.yaml:2:17: batch-interval: must be a duration such as 500ms, 10s, 5m, 1h or 1d, got 10 (a bare number has no unit)",
                "broken.yaml:5:5: sources.sensors.tpye: unknown key 'tpye' (did you mean 'type'?)",
                "broken.yaml:9:11: streams.alerts.from: 'sensor' is not a source or stream (did you mean 'sensors'?)",
                "broken.yaml:11:39: streams.alerts.steps[0].filter: syntax error at '+'",
                "broken.yaml:15:11: sinks.out.type: unknown sink type 'consol' (did you mean 'console'?)");
    }

    @Test
    void everyShippedExampleIsValid() throws Exception {
        List<String> examples;
        try (var files = Files.list(Distribution.HOME.resolve("examples"))) {
            examples = files.map(Path::toString).filter(name -> name.endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        List<String> args = new java.util.ArrayList<>(List.of("validate"));
        args.addAll(examples);
        Distribution.Run run = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.endsWith(": valid")).count()).isEqualTo(examples.size());
    }

    @Test
    void usageErrorsExitTwoAndVersionAndDescribeWork() throws Exception {
        assertThat(Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "run").exitCode()).isEqualTo(2);
        assertThat(Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "--no-such-option").exitCode()).isEqualTo(2);

        Distribution.Run version = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("sluice 0.1.0");

        Distribution.Run describe = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "describe", "filter");
        assertThat(describe.exitCode()).isZero();
        assertThat(describe.out()).contains("## operator `filter`", "`expression` (shorthand)", "occupancy >= capacity");

        Distribution.Run unknown = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "describe", "fliter");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown type 'fliter'", "filter");

        Distribution.Run schema = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1), "schema");
        assertThat(schema.exitCode()).isZero();
        assertThat(schema.out()).contains("\"$schema\"", "generator", "console", "filter");
    }

    @Test
    void sigtermStopsARunningPipelineGracefullyWithExitZero() throws Exception {
        Path pipeline = work.resolve("endless.yaml");
        Files.writeString(pipeline, """
                name: endless
                batch-interval: 200ms
                sources:
                  sensors: {type: generator, events-per-batch: 1000}
                streams:
                  totals:
                    from: sensors
                    steps:
                      - parse: json
                      - key-by: line
                      - update-state: {events: "count()"}
                sinks:
                  out: {type: file, from: totals, path: out}
                """);
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(Distribution.HOME.resolve("bin/sluice").toString(), "run", "endless.yaml"))
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.readString(out).contains("batch 3 "));
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("stopped within a minute").isTrue();
            assertThat(process.exitValue()).as(Files.readString(err)).isZero();
            assertThat(Files.readString(err)).contains("stopping gracefully", "sluice: stopped");
            try (var files = Files.list(work.resolve("out"))) {
                assertThat(files.filter(p -> !p.getFileName().toString().startsWith(".")).count())
                        .as("one complete file per finished batch, no temp files left visible").isGreaterThanOrEqualTo(3);
            }
        } finally {
            process.destroyForcibly();
        }
    }
}

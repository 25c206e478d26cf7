package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.pipeline.PipelineValidationException;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run settings of a pipeline file: checkpointing with its interval, and rejected values. */
class PipelineExecutionTest {
    private static final List<List<Record>> AMOUNTS = List.of(
            List.of(amount("a", 1), amount("b", 2)), List.of(amount("a", 3)), List.of(),
            List.of(amount("b", 4), amount("c", 5)), List.of(amount("a", 6)));

    @TempDir
    Path dir;

    private static Record amount(String user, long amount) {
        return Record.builder().field("user", user).field("amount", amount).build();
    }

    private String yaml(String extra) {
        return """
                name: totals
                batch-interval: 1s
                checkpoint-dir: %s
                %s
                sources:
                  amounts: {type: scripted, data: amounts}
                streams:
                  totals:
                    from: amounts
                    steps:
                      - key-by: user
                      - update-state: {total: "sum(amount)"}
                sinks:
                  out: {type: collect, from: totals, name: totals}
                """.formatted(dir.resolve("checkpoint"), extra);
    }

    /** Runs {@code batches} batches on {@code clock}; returns each batch's totals per user. */
    private Map<Long, Map<String, Long>> run(ManualClock clock, int batches, int replays) throws Exception {
        ScriptedComponents components = new ScriptedComponents(Map.of("amounts", AMOUNTS));
        ComponentRegistry registry = ComponentRegistry.of(components.source(), components.sink());
        PipelineDefinition pipeline = new PipelineLoader(registry, Map.of()).load("totals.yaml",
                yaml("checkpoint-interval: 2s"));
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        StreamingContext ctx = PipelineCompiler.compile(pipeline, StreamingContext.builder().clock(clock)
                .parallelism(2).shufflePartitions(2).listener(reports::add));
        ctx.start();
        try {
            await(reports, replays);
            for (int i = 1; i <= batches; i++) {
                clock.advance(Duration.ofSeconds(1));
                await(reports, replays + i);
            }
        } finally {
            ctx.stop(false);
        }
        Map<Long, Map<String, Long>> totals = new TreeMap<>();
        components.of("totals").forEach((id, rows) -> {
            Map<String, Long> byUser = new TreeMap<>();
            for (String row : rows) {
                String user = row.replaceAll(".*user=(\\w+).*", "$1");
                byUser.put(user, Long.parseLong(row.replaceAll(".*total=(\\d+).*", "$1")));
            }
            totals.put(id, byUser);
        });
        return totals;
    }

    private static void await(List<BatchReport> reports, int count) {
        Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(30))
                .until(() -> reports.size() >= count);
    }

    @Test
    void aPipelineFileWithACheckpointDirResumesFromItsCheckpointAndBatchLog() throws Exception {
        ManualClock clock = new ManualClock();
        Map<Long, Map<String, Long>> first = run(clock, 3, 0);
        try (Stream<Path> checkpoints = Files.list(dir.resolve("checkpoint/checkpoints"))) {
            assertThat(checkpoints.filter(f -> !f.getFileName().toString().startsWith(".")).count())
                    .as("checkpoint-interval 2s = every 2 batches: one after batch 2").isEqualTo(1);
        }
        Map<Long, Map<String, Long>> second = run(clock, 2, 1);   // batch 3 rebuilds state from the log
        assertThat(first.get(3L)).isEqualTo(Map.of("a", 4L, "b", 2L));
        assertThat(second).doesNotContainKey(3L);
        assertThat(second.get(4L)).isEqualTo(Map.of("a", 4L, "b", 6L, "c", 5L));
        assertThat(second.get(5L)).isEqualTo(Map.of("a", 10L, "b", 6L, "c", 5L));
    }

    @Test
    void reKeyingAStatefulStepIsRefusedWithTheKeysNamed() throws Exception {
        run(new ManualClock(), 2, 0);
        ScriptedComponents components = new ScriptedComponents(Map.of("amounts", AMOUNTS));
        ComponentRegistry registry = ComponentRegistry.of(components.source(), components.sink());
        PipelineDefinition rekeyed = new PipelineLoader(registry, Map.of()).load("totals.yaml",
                yaml("").replace("key-by: user", "key-by: amount"));
        StreamingContext ctx = PipelineCompiler.compile(rekeyed, StreamingContext.builder().clock(new ManualClock()));
        try {
            assertThatThrownBy(ctx::start).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("streams.totals.steps[1]").hasMessageContaining("keyed by field 'user'")
                    .hasMessageContaining("now update-state keyed by field 'amount'");
        } finally {
            ctx.stop(false);
        }
    }

    @Test
    void runSettingsAreValidatedWithTheirPosition() {
        ScriptedComponents components = new ScriptedComponents(Map.of("amounts", AMOUNTS));
        ComponentRegistry registry = ComponentRegistry.of(components.source(), components.sink());
        PipelineValidationException e = catchThrowableOfType(PipelineValidationException.class,
                () -> new PipelineLoader(registry, Map.of()).load("totals.yaml",
                        yaml("write-ahead-log: disk\nmax-rate-per-source: 0")));
        List<String> problems = new ArrayList<>();
        e.problems().forEach(p -> problems.add(p.toString()));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("totals.yaml:4:").contains("write-ahead-log")
                .contains("fsync"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("totals.yaml:5:").contains("max-rate-per-source"));
    }

    @Test
    void aCheckpointIntervalIsRoundedUpToWholeBatches() {
        assertThat(PipelineExecution.batches(Duration.ofSeconds(10), Duration.ofSeconds(1))).isEqualTo(10);
        assertThat(PipelineExecution.batches(Duration.ofMillis(2500), Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(PipelineExecution.batches(Duration.ofMillis(100), Duration.ofSeconds(1))).isEqualTo(1);
    }
}

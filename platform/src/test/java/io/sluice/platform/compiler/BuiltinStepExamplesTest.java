package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.docs.BuiltinStepDoc;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The example of every built-in step, as the reference docs show it, runs in a pipeline over the
 * records the docs describe: no batch fails, no record is bad, and the step has output.
 */
class BuiltinStepExamplesTest {
    private static final int BATCHES = 6;

    private static List<List<Record>> events() {
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Record> batch = new ArrayList<>();
            for (int i = 0; i < (b == 2 ? 0 : 3); i++) {
                batch.add(Record.builder().field("user", "u" + (b + i) % 3).field("amount", (long) (10 * b + i))
                        .field("text", "a b  c").field("tags", List.of("x", "y")).build());
            }
            batches.add(batch);
        }
        return batches;
    }

    private static String pipeline(BuiltinStep step) {
        StringBuilder steps = new StringBuilder();
        step.example().lines().forEach(line -> steps.append("      ").append(line).append('\n'));
        return """
                name: example
                batch-interval: 1s
                sources:
                  events: {type: scripted, data: events}
                  payments: {type: scripted, data: payments}
                streams:
                  payments-by-user:
                    from: payments
                    steps:
                      - key-by: user
                  example:
                    from: events
                    steps:
                """ + steps + """
                sinks:
                  out: {type: collect, name: out, from: example}
                """;
    }

    @ParameterizedTest
    @EnumSource(BuiltinStep.class)
    void theDocumentedExampleRunsAndHasOutput(BuiltinStep step) throws Exception {
        assertThat(BuiltinStepDoc.render(step)).contains("```yaml\n" + step.example() + "\n```");
        ScriptedComponents components = new ScriptedComponents(Map.of("events", events(), "payments", events()));
        ComponentRegistry registry = ComponentRegistry.of(components.source(), components.sink());
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        StreamingContext ctx = PipelineCompiler.compile(new PipelineLoader(registry, Map.of())
                        .load(step.type() + ".yaml", pipeline(step)),
                StreamingContext.builder().clock(clock).parallelism(2).formats(RecordFormats.standard()::get)
                        .listener(reports::add).errorReporter(bad::add));
        ctx.start();
        try {
            for (int i = 1; i <= BATCHES; i++) {
                clock.advance(Duration.ofSeconds(1));
                int expected = i;
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() >= expected);
            }
        } finally {
            ctx.stop(false);
        }
        assertThat(reports).allMatch(BatchReport::succeeded);
        assertThat(bad).isEmpty();
        assertThat(components.of("out").values()).anyMatch(rows -> !rows.isEmpty());
    }
}

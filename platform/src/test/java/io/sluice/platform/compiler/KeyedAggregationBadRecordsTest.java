package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code key-by} followed by an aggregation runs as one keyed pass: a record without the key field,
 * or whose aggregated field is missing or not a number, is a bad record of the key-by step and
 * the batch goes on without it (it must not fail the batch half-way through a fold).
 */
class KeyedAggregationBadRecordsTest {
    private static final String PIPELINE = """
            name: keyed-bad-records
            batch-interval: 1s
            sources:
              events: {type: scripted, data: events}
            streams:
              totals:
                from: events
                steps:
                  - key-by: user
                  - reduce-by-key: {n: "count()", total: "sum(amount)"}
              windowed:
                from: events
                steps:
                  - key-by: user
                  - reduce-by-key-and-window: {length: 2s, aggregations: {total: "sum(amount)"}}
            sinks:
              totals: {type: collect, name: totals, from: totals}
              windowed: {type: collect, name: windowed, from: windowed}
            """;

    private static Record event(String user, Object amount) {
        Record.Builder r = Record.builder();
        if (user != null) {
            r.field("user", user);
        }
        if (amount != null) {
            r.field("amount", amount);
        }
        return r.build();
    }

    @Test
    void recordsTheAggregationCannotUseAreReportedAndTheRestAggregated() throws Exception {
        List<List<Record>> script = List.of(
                List.of(event("a", 1L), event(null, 5L), event("a", 2L), event("b", "lots"), event("b", 4L)),
                List.of(event("b", null), event("a", 10L)));
        ScriptedComponents components = new ScriptedComponents(Map.of("events", script));
        ComponentRegistry registry = ComponentRegistry.of(components.source(), components.sink());
        PipelineDefinition pipeline = new PipelineLoader(registry, Map.of()).load("keyed.yaml", PIPELINE);
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        StreamingContext ctx = PipelineCompiler.compile(pipeline, StreamingContext.builder().clock(clock)
                .parallelism(2).shufflePartitions(3).listener(reports::add).errorReporter(bad::add));
        ctx.start();
        try {
            for (int i = 1; i <= 2; i++) {
                clock.advance(Duration.ofSeconds(1));
                int expected = i;
                Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                        .atMost(Duration.ofSeconds(30)).until(() -> reports.size() >= expected);
            }
        } finally {
            ctx.stop(false);
        }

        assertThat(reports).allMatch(r -> r.failure() == null);
        assertThat(components.of("totals").get(1L)).containsExactlyInAnyOrder("{n=2, total=3, user=a}",
                "{n=1, total=4, user=b}");
        assertThat(components.of("totals").get(2L)).containsExactly("{n=1, total=10, user=a}");
        assertThat(components.of("windowed").get(2L)).containsExactlyInAnyOrder("{total=13, user=a}",
                "{total=4, user=b}");
        assertThat(bad).hasSize(6).allSatisfy(b -> assertThat(b.component()).startsWith("key-by#"));
        assertThat(bad).extracting(b -> b.cause().getMessage()).anyMatch(m -> m.contains("to key by"))
                .anyMatch(m -> m.contains("needs a number")).anyMatch(m -> m.contains("has no field 'amount'"));
    }
}

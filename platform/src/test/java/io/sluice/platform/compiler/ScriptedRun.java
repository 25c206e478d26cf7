package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.ComponentFactory;
import io.sluice.spi.Record;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;
import org.awaitility.Awaitility;

/**
 * Runs a pipeline file over {@link ScriptedComponents} on a manual clock, one batch per second, and
 * the plain-Java helpers tests compute their expectations with.
 */
final class ScriptedRun {
    private ScriptedRun() {
    }

    /** Batch {@code id} of a script (from 1); empty outside it. */
    static List<Record> batch(List<List<Record>> script, long id) {
        return id >= 1 && id <= script.size() ? script.get((int) id - 1) : List.of();
    }

    /** The records of the batches {@code end - length + 1 .. end}, oldest first. */
    static List<Record> window(List<List<Record>> script, long end, int length) {
        List<Record> out = new ArrayList<>();
        for (long id = Math.max(1, end - length + 1); id <= end; id++) {
            out.addAll(batch(script, id));
        }
        return out;
    }

    /** A record's fields as the collect sink shows them: a sorted map's text. */
    static String row(Object... keyValues) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m.toString();
    }

    /** Expected rows at every {@code slide}-th batch up to {@code last}, each batch's rows sorted. */
    static Map<Long, List<String>> every(int slide, int last, LongFunction<List<String>> at) {
        Map<Long, List<String>> out = new TreeMap<>();
        for (long id = slide; id <= last; id += slide) {
            out.put(id, at.apply(id).stream().sorted().toList());
        }
        return out;
    }

    /** {@code batches} without the batches that have no rows (written empty, or not written at all). */
    static Map<Long, List<String>> withRows(Map<Long, List<String>> batches) {
        Map<Long, List<String>> out = new TreeMap<>(batches);
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /**
     * Loads {@code /pipelines/compiled/FILE} with the scripted source and collect sink (and the
     * {@code extra} factories), runs {@code batches} batches, and returns the components holding what
     * the sinks collected; no batch may fail. Bad records are added to {@code badRecords}.
     */
    static ScriptedComponents run(String file, Map<String, List<List<Record>>> scripts, int batches,
            List<BadRecord> badRecords, ComponentFactory... extra) throws IOException {
        return run(file, scripts, batches, badRecords, 2, 3, extra);
    }

    /** {@link #run} on {@code threads} worker threads with {@code partitions} shuffle partitions. */
    static ScriptedComponents run(String file, Map<String, List<List<Record>>> scripts, int batches,
            List<BadRecord> badRecords, int threads, int partitions, ComponentFactory... extra) throws IOException {
        ScriptedComponents components = new ScriptedComponents(scripts);
        List<ComponentFactory> factories = new ArrayList<>(List.of(components.source(), components.sink()));
        factories.addAll(List.of(extra));
        ComponentRegistry registry = ComponentRegistry.of(factories.toArray(ComponentFactory[]::new));
        PipelineDefinition pipeline = new PipelineLoader(registry, Map.of()).load(file, read(file));
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        StreamingContext ctx = PipelineCompiler.compile(pipeline, StreamingContext.builder().clock(clock)
                .parallelism(threads).shufflePartitions(partitions).listener(reports::add).errorReporter(badRecords::add));
        ctx.start();
        try {
            for (int i = 1; i <= batches; i++) {
                clock.advance(Duration.ofSeconds(1));
                int expected = i;
                Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                        .atMost(Duration.ofSeconds(30)).until(() -> reports.size() >= expected);
            }
        } finally {
            ctx.stop(false);
        }
        assertThat(reports).allMatch(r -> r.failure() == null);
        return components;
    }

    static String read(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(ScriptedRun.class.getResourceAsStream(
                "/pipelines/compiled/" + file), file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

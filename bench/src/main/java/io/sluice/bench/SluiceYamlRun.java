package io.sluice.bench;

import io.sluice.platform.compiler.PipelineCompiler;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.PluginHost;
import io.sluice.platform.stream.StreamingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The same pipeline as a YAML file ({@code bus-occupancy-bench.yaml}), loaded by
 * {@link PipelineLoader} against the plugins users install (generator and expression zips) and
 * compiled by {@link PipelineCompiler}: the path {@code sluice run} takes.
 */
final class SluiceYamlRun {
    static final String MODE = "sluice-yaml";
    static final String PIPELINE = "bus-occupancy-bench.yaml";
    static final String WINDOW_HOW = "the reduce-by-key-and-window step (10s window sliding every 1s batch)";

    Outcome run(BenchOptions options, PluginHost plugins) throws InterruptedException {
        Map<String, String> env = Map.of(
                "BENCH_EVENTS_PER_BATCH", Long.toString(options.eventsPerBatch()),
                "BENCH_EVENTS", Long.toString(options.events()),
                "BENCH_THREADS", Integer.toString(options.threads()));
        PipelineDefinition pipeline = new PipelineLoader(plugins.registry(), env).load(PIPELINE, yaml());
        Captured captured = new Captured();
        CaptureSinkFactory.captureInto(captured);
        BatchDriver driver = new BatchDriver();
        StreamingContext context = PipelineCompiler.compile(pipeline, StreamingContext.builder()
                .clock(driver.clock())
                .parallelism(options.threads())
                .formats(RecordFormats.standard()::get)
                .listener(driver));
        BatchDriver.Times times = driver.run(context, options.batches(), options.eventsPerBatch());
        return captured.outcome(times, WINDOW_HOW);
    }

    static String yaml() {
        try (InputStream in = SluiceYamlRun.class.getResourceAsStream(PIPELINE)) {
            if (in == null) {
                throw new IllegalStateException(PIPELINE + " is missing from the bench jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

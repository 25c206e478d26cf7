package io.sluice.connectors.kafka;

import io.sluice.connectors.console.ConsoleSinkFactory;
import io.sluice.connectors.generator.GeneratorSourceFactory;
import io.sluice.operators.expression.FilterOperatorFactory;
import io.sluice.operators.expression.MapOperatorFactory;
import io.sluice.platform.compiler.PipelineCompiler;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.StreamingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Pipeline files compiled and run by the real engine, with the kafka plugin's factories and a few others. */
final class Pipelines {
    static final ComponentRegistry REGISTRY = ComponentRegistry.of(new KafkaSourceFactory(), new KafkaSinkFactory(),
            new GeneratorSourceFactory(), new ConsoleSinkFactory(), new FilterOperatorFactory(), new MapOperatorFactory());

    final StreamingContext context;
    final List<BatchReport> reports = new CopyOnWriteArrayList<>();
    final List<BadRecord> bad = new CopyOnWriteArrayList<>();

    private Pipelines(PipelineDefinition pipeline, StreamingContext.Builder settings) {
        RecordFormats formats = RecordFormats.standard();
        context = PipelineCompiler.compile(pipeline, settings.formats(formats::get).listener(reports::add)
                .errorReporter(bad::add));
    }

    /** Runs a pipeline file; its checkpoint-dir (${SLUICE_CHECKPOINT_DIR}) is a fresh temporary directory. */
    static Pipelines file(Path file, Map<String, String> env, StreamingContext.Builder settings) {
        Map<String, String> withCheckpoints = new java.util.HashMap<>(env);
        try {
            withCheckpoints.putIfAbsent("SLUICE_CHECKPOINT_DIR", java.nio.file.Files.createTempDirectory("sluice-kafka-it").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Pipelines(new PipelineLoader(REGISTRY, withCheckpoints).load(file), settings);
    }

    static Pipelines yaml(String yaml, Map<String, String> env, StreamingContext.Builder settings) {
        return new Pipelines(new PipelineLoader(REGISTRY, env).load("pipeline.yaml", yaml), settings);
    }

    Pipelines start() {
        context.start();
        return this;
    }

    long recordsIn() {
        return reports.stream().mapToLong(BatchReport::recordsIn).sum();
    }

    List<Throwable> failures() {
        return reports.stream().filter(r -> !r.succeeded()).map(BatchReport::failure).toList();
    }
}

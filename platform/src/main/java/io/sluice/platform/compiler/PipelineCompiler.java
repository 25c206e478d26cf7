package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.pipeline.OperatorStepDefinition;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.SinkDefinition;
import io.sluice.platform.pipeline.SourceDefinition;
import io.sluice.platform.pipeline.StepDefinition;
import io.sluice.platform.pipeline.StreamDefinition;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the DStream graph of a validated pipeline on a {@link StreamingContext}: each source
 * becomes a source stream, each stream applies its steps in order to the stream it reads, each
 * sink writes the stream it names. Nothing runs until the context is started.
 *
 * <pre>{@code
 * PipelineDefinition pipeline = new PipelineLoader(registry, System.getenv()).load(file);
 * StreamingContext context = PipelineCompiler.compile(pipeline,
 *         StreamingContext.builder().formats(RecordFormats.standard()::get).listener(printer));
 * context.start();
 * context.awaitTermination();
 * }</pre>
 */
public final class PipelineCompiler {
    /** The field name keys are written to by aggregations when no {@code key-by} step named one. */
    static final String DEFAULT_KEY_FIELD = "key";

    private PipelineCompiler() {
    }

    /**
     * Sets the pipeline's name and batch interval on {@code settings} (which carries everything
     * else: clock, parallelism, formats, listeners), builds the context and its graph.
     */
    public static StreamingContext compile(PipelineDefinition pipeline, StreamingContext.Builder settings) {
        StreamingContext context = settings.name(pipeline.name()).batchInterval(pipeline.batchInterval()).build();
        Map<String, Built> streams = new HashMap<>();
        for (SourceDefinition source : pipeline.sources().values()) {
            RecordStream stream = context.source(source.path(),
                    source.component().factory().create(source.config()), source.config());
            streams.put(source.name(), new Built(stream, DEFAULT_KEY_FIELD));
        }
        for (StreamDefinition stream : pipeline.streamsInTopologicalOrder()) {
            Built input = streams.get(stream.from());
            streams.put(stream.name(), applySteps(input, stream));
        }
        for (SinkDefinition sink : pipeline.sinks().values()) {
            streams.get(sink.from()).stream().to(sink.path(), sink.component().factory(), sink.config());
        }
        return context;
    }

    private static Built applySteps(Built input, StreamDefinition definition) {
        RecordStream stream = input.stream();
        String keyField = input.keyField();
        for (StepDefinition step : definition.steps()) {
            if (step instanceof OperatorStepDefinition op) {
                stream = stream.apply(op.path(), op.component().factory(), op.config());
            } else if (step instanceof BuiltinStepDefinition builtin) {
                BuiltinStep kind = builtin.step();
                switch (kind) {
                    case PARSE -> stream = stream.parse(builtin.config().get(BuiltinStep.RECORD_FORMAT));
                    case FORMAT -> stream = stream.format(builtin.config().get(BuiltinStep.RECORD_FORMAT));
                    case KEY_BY -> {
                        keyField = builtin.config().get(BuiltinStep.FIELD);
                        stream = stream.keyByField(keyField);
                    }
                    case REDUCE_BY_KEY -> {
                        Aggregator aggregator = new Aggregator(keyField, builtin.aggregations());
                        stream = RecordStream.of(stream.map(aggregator::lift)).reduceByKey(aggregator::combine);
                    }
                    case UPDATE_STATE -> {
                        Aggregator aggregator = new Aggregator(keyField, builtin.aggregations());
                        stream = stream.updateStateByKey(aggregator::update);
                    }
                }
            }
        }
        return new Built(stream.named("streams." + definition.name()), keyField);
    }

    /** A compiled stream and the field name its keys carry in aggregated output. */
    record Built(RecordStream stream, String keyField) {
    }
}

package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.pipeline.OperatorStepDefinition;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.SinkDefinition;
import io.sluice.platform.pipeline.SourceDefinition;
import io.sluice.platform.pipeline.StepDefinition;
import io.sluice.platform.pipeline.StreamDefinition;
import io.sluice.platform.pipeline.TransformStepDefinition;
import io.sluice.platform.stream.JoinType;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the DStream graph of a validated pipeline on a {@link StreamingContext}: each source
 * becomes a source stream, each stream applies its steps in order to the stream it reads (streams
 * are built after every stream they read, {@code union} and {@code join} included), each sink
 * writes the stream it names. Nothing runs until the context is started.
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
     *
     * <p>Every node that keeps state across batches for step {@code i} of stream {@code s} (the
     * state of {@code update-state} and {@code map-with-state}, a window, the state of an
     * incremental window, a keyed operator) is named {@code streams.s.steps[i]}, the step's path
     * in validation messages, so that checkpointed state finds its step after a restart even when
     * other steps, streams or sinks changed. Other nodes keep their kind names ({@code key-by#4}),
     * and a stream's last node is named {@code streams.s} unless it is such a state node.
     */
    public static StreamingContext compile(PipelineDefinition pipeline, StreamingContext.Builder settings) {
        PipelineExecution.apply(pipeline, settings);
        StreamingContext context = settings.name(pipeline.name()).batchInterval(pipeline.batchInterval()).build();
        Map<String, Built> streams = new HashMap<>();
        for (SourceDefinition source : pipeline.sources().values()) {
            RecordStream stream = context.source(source.path(),
                    source.component().factory().create(source.config()), source.config());
            streams.put(source.name(), new Built(stream, DEFAULT_KEY_FIELD));
        }
        Set<String> stateNodes = new HashSet<>();
        for (StreamDefinition stream : pipeline.streamsInTopologicalOrder()) {
            Built input = streams.get(stream.from());
            streams.put(stream.name(), applySteps(input, stream, streams, stateNodes));
        }
        for (SinkDefinition sink : pipeline.sinks().values()) {
            streams.get(sink.from()).stream().to(sink.path(), sink.component().factory(), sink.config());
        }
        return context;
    }

    private static Built applySteps(Built input, StreamDefinition definition, Map<String, Built> built,
            Set<String> stateNodes) {
        RecordStream stream = input.stream();
        String keyField = input.keyField();
        List<StepDefinition> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition step = steps.get(i);
            if (step instanceof OperatorStepDefinition op) {
                stream = stream.apply(op.path(), op.component().factory(), op.config());
                if (op.component().factory().keyed()) {
                    stateNodes.add(op.path());
                }
            } else if (step instanceof TransformStepDefinition transform) {
                stream = TransformSteps.apply(stream, transform, name -> built.get(name).stream());
            } else if (step instanceof BuiltinStepDefinition builtin) {
                BuiltinStepDefinition next = builtin.step() == BuiltinStep.KEY_BY ? reduceByKeyAt(steps, i + 1) : null;
                if (next != null) {
                    // key-by then reduce-by-key(-and-window): one keyed pass, no keyed copy of each record
                    String field = builtin.config().get(BuiltinStep.FIELD);
                    stream = next.step() == BuiltinStep.REDUCE_BY_KEY ? reduceByField(stream, field, next)
                            : WindowedSteps.reduceByKeyAndWindow(stream, field, field, next, next.path());
                    keyField = field;
                    i++;
                } else {
                    stream = builtin(stream, keyField, builtin, built);
                    keyField = switch (builtin.step()) {
                        case KEY_BY -> builtin.config().get(BuiltinStep.FIELD);
                        case COUNT_BY_VALUE, COUNT_BY_VALUE_AND_WINDOW -> builtin.config().get(BuiltinStep.VALUE_FIELD);
                        default -> keyField;
                    };
                }
                if (stream.name().equals(steps.get(i).path())) {
                    stateNodes.add(stream.name());
                }
            }
        }
        if (!stateNodes.contains(stream.name())) {
            stream = stream.named("streams." + definition.name());
        }
        return new Built(stream, keyField);
    }

    /** One built-in step on {@code stream}, whose aggregated records carry their key in {@code keyField}. */
    private static RecordStream builtin(RecordStream stream, String keyField, BuiltinStepDefinition step,
            Map<String, Built> built) {
        String name = step.path();
        return switch (step.step()) {
            case PARSE -> stream.parse(step.config().get(BuiltinStep.RECORD_FORMAT));
            case FORMAT -> stream.format(step.config().get(BuiltinStep.RECORD_FORMAT));
            case KEY_BY -> stream.keyByField(step.config().get(BuiltinStep.FIELD));
            case FLAT_MAP -> BatchSteps.flatMap(stream, step);
            case REPARTITION -> stream.repartition(step.config().get(BuiltinStep.PARTITIONS));
            case COUNT -> BatchSteps.count(stream);
            case REDUCE -> BatchSteps.reduce(stream, new Aggregator(null, step.aggregations()));
            case REDUCE_BY_KEY -> {
                Aggregator aggregator = new Aggregator(keyField, step.aggregations());
                yield KeyedSteps.reduce(KeyedSteps.keyed(stream, null, aggregator), aggregator);
            }
            case GROUP_BY_KEY -> KeyedSteps.groupByKey(stream, keyField, step);
            case COGROUP -> KeyedSteps.cogroup(stream, built.get(step.config().get(BuiltinStep.COGROUP_WITH)).stream(),
                    keyField, step);
            case UPDATE_STATE -> KeyedSteps.updateState(stream, keyField, step, name);
            case MAP_WITH_STATE -> KeyedSteps.mapWithState(stream, keyField, step, name);
            case WINDOW -> WindowedSteps.window(stream, step, name);
            case REDUCE_BY_WINDOW -> WindowedSteps.reduceByWindow(stream, step, name);
            case REDUCE_BY_KEY_AND_WINDOW -> WindowedSteps.reduceByKeyAndWindow(stream, null, keyField, step, name);
            case GROUP_BY_KEY_AND_WINDOW -> WindowedSteps.groupByKeyAndWindow(stream, keyField, step, name);
            case COUNT_BY_WINDOW -> WindowedSteps.countByWindow(stream, step, name);
            case COUNT_BY_VALUE -> {
                String field = step.config().get(BuiltinStep.VALUE_FIELD);
                yield KeyedSteps.counted(KeyedSteps.values(stream, field).countByValue(), field);
            }
            case COUNT_BY_VALUE_AND_WINDOW -> WindowedSteps.countByValueAndWindow(stream, step, name);
            case UNION -> {
                RecordStream union = stream;
                for (String other : step.config().get(BuiltinStep.STREAMS)) {
                    union = union.union(built.get(other).stream());
                }
                yield union;
            }
            case JOIN -> {
                String with = step.config().get(BuiltinStep.WITH);
                yield stream.join(built.get(with).stream(), JoinType.byName(step.config().get(BuiltinStep.JOIN_TYPE)),
                        keyField, step.config().find(BuiltinStep.PREFIX).orElse(with + "_"));
            }
        };
    }

    /** The {@code reduce-by-key(-and-window)} step at {@code index}, or {@code null} if there is none there. */
    private static BuiltinStepDefinition reduceByKeyAt(List<StepDefinition> steps, int index) {
        return index < steps.size() && steps.get(index) instanceof BuiltinStepDefinition b
                && (b.step() == BuiltinStep.REDUCE_BY_KEY || b.step() == BuiltinStep.REDUCE_BY_KEY_AND_WINDOW) ? b : null;
    }

    /**
     * {@code key-by: field} then {@code reduce-by-key} in one pass: each record is paired with its
     * field's value and folded into a per-key accumulator, without a keyed copy of the record or a
     * record per partial aggregate. Same records and errors as the two steps one after the other.
     */
    private static RecordStream reduceByField(RecordStream stream, String field, BuiltinStepDefinition step) {
        Aggregator aggregator = new Aggregator(field, step.aggregations());
        return KeyedSteps.reduce(KeyedSteps.keyed(stream, field, aggregator), aggregator);
    }

    /** A compiled stream and the field name its keys carry in aggregated output. */
    record Built(RecordStream stream, String keyField) {
    }
}

package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.AggregateFunction;
import io.sluice.platform.pipeline.Aggregation;
import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.pipeline.OperatorStepDefinition;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.SinkDefinition;
import io.sluice.platform.pipeline.SourceDefinition;
import io.sluice.platform.pipeline.StepDefinition;
import io.sluice.platform.pipeline.StreamDefinition;
import io.sluice.platform.stream.DStream;
import io.sluice.platform.stream.JoinType;
import io.sluice.platform.stream.PairDStream;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.State;
import io.sluice.platform.stream.StateSpec;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;

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
            streams.put(stream.name(), applySteps(input, stream, streams));
        }
        for (SinkDefinition sink : pipeline.sinks().values()) {
            streams.get(sink.from()).stream().to(sink.path(), sink.component().factory(), sink.config());
        }
        return context;
    }

    private static Built applySteps(Built input, StreamDefinition definition, Map<String, Built> built) {
        RecordStream stream = input.stream();
        String keyField = input.keyField();
        List<StepDefinition> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition step = steps.get(i);
            if (step instanceof OperatorStepDefinition op) {
                stream = stream.apply(op.path(), op.component().factory(), op.config());
            } else if (step instanceof BuiltinStepDefinition builtin) {
                BuiltinStep kind = builtin.step();
                switch (kind) {
                    case PARSE -> stream = stream.parse(builtin.config().get(BuiltinStep.RECORD_FORMAT));
                    case FORMAT -> stream = stream.format(builtin.config().get(BuiltinStep.RECORD_FORMAT));
                    case KEY_BY -> {
                        keyField = builtin.config().get(BuiltinStep.FIELD);
                        BuiltinStepDefinition next = reduceByKeyAt(steps, i + 1);
                        if (next != null) {
                            stream = next.step() == BuiltinStep.REDUCE_BY_KEY ? reduceByField(stream, keyField, next)
                                    : reduceByKeyAndWindow(stream, keyField, keyField, next);
                            i++;
                        } else {
                            stream = stream.keyByField(keyField);
                        }
                    }
                    case REDUCE_BY_KEY -> {
                        Aggregator aggregator = new Aggregator(keyField, builtin.aggregations());
                        stream = reduce(keyed(stream, null, aggregator), aggregator);
                    }
                    case UPDATE_STATE -> {
                        Aggregator aggregator = new Aggregator(keyField, builtin.aggregations());
                        stream = stream.updateStateByKey(aggregator::update);
                    }
                    case WINDOW -> stream = stream.window(length(builtin), slide(builtin, stream));
                    case REDUCE_BY_KEY_AND_WINDOW -> stream = reduceByKeyAndWindow(stream, null, keyField, builtin);
                    case COUNT_BY_WINDOW -> stream = RecordStream.of(stream
                            .countByWindow(length(builtin), slide(builtin, stream))
                            .map(n -> Record.builder().field(BuiltinStep.COUNT_FIELD, n).build()));
                    case COUNT_BY_VALUE -> {
                        String field = builtin.config().get(BuiltinStep.VALUE_FIELD);
                        stream = counted(values(stream, field).countByValue(), field);
                        keyField = field;
                    }
                    case COUNT_BY_VALUE_AND_WINDOW -> {
                        String field = builtin.config().get(BuiltinStep.VALUE_FIELD);
                        stream = counted(values(stream, field).countByValueAndWindow(length(builtin),
                                slide(builtin, stream)), field);
                        keyField = field;
                    }
                    case UNION -> {
                        for (String other : builtin.config().get(BuiltinStep.STREAMS)) {
                            stream = stream.union(built.get(other).stream());
                        }
                    }
                    case MAP_WITH_STATE -> stream = mapWithState(stream, keyField, builtin);
                    case JOIN -> {
                        String with = builtin.config().get(BuiltinStep.WITH);
                        stream = stream.join(built.get(with).stream(),
                                JoinType.byName(builtin.config().get(BuiltinStep.JOIN_TYPE)), keyField,
                                builtin.config().find(BuiltinStep.PREFIX).orElse(with + "_"));
                    }
                }
            }
        }
        return new Built(stream.named("streams." + definition.name()), keyField);
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
        return reduce(keyed(stream, field, aggregator), aggregator);
    }

    /**
     * Pairs each record with its key: {@link Record#key()}, or (when {@code field} is not
     * {@code null}) the field's value, as {@code key-by} would set it. A record without a key, or
     * that {@code aggregator} could not aggregate, is a bad record of this step (so it never fails a
     * fold half-way).
     */
    private static PairDStream<Object, Record> keyed(RecordStream stream, String field, Aggregator aggregator) {
        if (field == null) {
            return stream.keyBy(record -> {
                aggregator.check(record);
                return record.key();
            });
        }
        PairDStream<Object, Record> keyed = stream.keyBy(record -> {
            Object key = record.get(field);
            if (key == null) {
                throw new BadRecordException("no value in field '" + field + "' to key by");
            }
            aggregator.check(record);
            return key;
        });
        return keyed.named(keyed.name().replace("map-to-pair", "key-by")); // bad records are reported as key-by's
    }

    /** Per batch and key, the aggregates of the records, as one record carrying the key. */
    private static RecordStream reduce(PairDStream<Object, Record> keyed, Aggregator aggregator) {
        return RecordStream.of(keyed.combineByKey(aggregator::create, aggregator::add, aggregator::merge)
                .map(kv -> aggregator.toRecord(kv.key(), kv.value())));
    }

    private static Duration length(BuiltinStepDefinition step) {
        return step.config().get(BuiltinStep.LENGTH);
    }

    private static Duration slide(BuiltinStepDefinition step, RecordStream stream) {
        return step.config().find(BuiltinStep.SLIDE).orElse(stream.slideDuration());
    }

    /**
     * Windowed aggregation of each batch's per-key aggregates (keyed by {@code keyByField} as
     * {@code key-by} would, or by the records' keys when it is {@code null}); incremental when every
     * aggregation is a sum or a count, whose inverse is a subtraction.
     */
    private static RecordStream reduceByKeyAndWindow(RecordStream stream, String keyByField, String keyField,
            BuiltinStepDefinition step) {
        Aggregator aggregator = new Aggregator(keyField, step.aggregations());
        boolean invertible = step.aggregations().stream().allMatch(a -> a.function() == AggregateFunction.SUM
                || a.function() == AggregateFunction.COUNT);
        BinaryOperator<Record> inverse = invertible ? (total, leaving) -> subtract(total, leaving, keyField,
                step.aggregations()) : null;
        return reduce(keyed(stream, keyByField, aggregator), aggregator)
                .reduceByKeyAndWindow(aggregator::combine, inverse, length(step), slide(step, stream));
    }

    /** Running aggregates per key, emitted per record; an expired key's last state once more. */
    private static RecordStream mapWithState(RecordStream stream, String keyField, BuiltinStepDefinition step) {
        Aggregator aggregator = new Aggregator(keyField, step.aggregations());
        StateSpec<Object, Record, Record, Record> spec = StateSpec.function((Object key, Optional<Record> record,
                State<Record> state) -> {
            if (state.isTimingOut()) {
                return state.get().toBuilder().field(BuiltinStep.EXPIRED_FIELD, true).build();
            }
            Record partial = aggregator.lift(record.orElseThrow());
            Record next = state.exists() ? aggregator.combine(state.get(), partial) : partial;
            state.update(next);
            return next.toBuilder().field(BuiltinStep.EXPIRED_FIELD, false).build();
        });
        StateSpec<Object, Record, Record, Record> timed = step.config().find(BuiltinStep.TIMEOUT).map(spec::timeout)
                .orElse(spec);
        return RecordStream.of(stream.keyBy(Record::key).mapWithState(timed));
    }

    /** {@code total - leaving}, field by field, for sums and counts of the same key. */
    private static Record subtract(Record total, Record leaving, String keyField, List<Aggregation> aggregations) {
        Record.Builder out = Record.builder().key(total.key()).timestamp(total.timestamp()).field(keyField, total.key());
        for (Aggregation a : aggregations) {
            Object x = total.get(a.outField());
            Object y = leaving.get(a.outField());
            out.field(a.outField(), x instanceof Long l && y instanceof Long r ? (Object) Math.subtractExact(l, r)
                    : (Object) (((Number) x).doubleValue() - ((Number) y).doubleValue()));
        }
        return out.build();
    }

    /** Each record's value of {@code field}; a record without it is a bad record. */
    private static DStream<Object> values(RecordStream stream, String field) {
        return stream.map(record -> {
            Object value = record.get(field);
            if (value == null) {
                throw new BadRecordException("no value in field '" + field + "' to count");
            }
            return value;
        });
    }

    /** Counted values as records: the value as key and in {@code field}, and the count. */
    private static RecordStream counted(PairDStream<Object, Long> counts, String field) {
        return RecordStream.of(counts.map(kv -> Record.builder().key(kv.key()).field(field, kv.key())
                .field(BuiltinStep.COUNT_FIELD, kv.value()).build()));
    }

    /** A compiled stream and the field name its keys carry in aggregated output. */
    record Built(RecordStream stream, String keyField) {
    }
}

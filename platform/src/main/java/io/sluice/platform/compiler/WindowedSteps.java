package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.AggregateFunction;
import io.sluice.platform.pipeline.Aggregation;
import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.stream.DStream;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.PairDStream;
import io.sluice.platform.stream.RecordStream;
import io.sluice.spi.Record;
import java.time.Duration;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * The windowed steps of pipeline files. The node that keeps a step's history across batches (the
 * window, or the incremental window state) is named {@code name}, the step's path
 * ({@code streams.s.steps[i]}), so that checkpointed state finds its step again after a restart
 * whatever else changed in the pipeline.
 */
final class WindowedSteps {
    private WindowedSteps() {
    }

    static Duration length(BuiltinStepDefinition step) {
        return step.config().get(BuiltinStep.LENGTH);
    }

    static Duration slide(BuiltinStepDefinition step, DStream<?> stream) {
        return step.config().find(BuiltinStep.SLIDE).orElse(stream.slideDuration());
    }

    /** {@code window}: every slide, the records of the last length. */
    static RecordStream window(RecordStream stream, BuiltinStepDefinition step, String name) {
        return stream.window(length(step), slide(step, stream)).named(name);
    }

    /** {@code count-by-window}: Spark's countByWindow (count, window, sum), one record {count: n}. */
    static RecordStream countByWindow(RecordStream stream, BuiltinStepDefinition step, String name) {
        DStream<Long> counts = stream.count().window(length(step), slide(step, stream)).named(name)
                .transform((batch, perBatch) -> List.of(perBatch.stream().mapToLong(Long::longValue).sum()));
        return RecordStream.of(counts.map(n -> Record.builder().field(BuiltinStep.COUNT_FIELD, n).build()));
    }

    /**
     * {@code reduce-by-key-and-window}: each batch aggregated per key (keyed by {@code keyByField}
     * as {@code key-by} would, or by the records' keys when it is {@code null}), then per window:
     * Spark's incremental form with an inverse (a subtraction) and, with {@code drop-empty}, a filter
     * dropping keys whose count is 0; or the plain form, which re-aggregates the window's batches.
     */
    static RecordStream reduceByKeyAndWindow(RecordStream stream, String keyByField, String keyField,
            BuiltinStepDefinition step, String name) {
        Aggregator aggregator = new Aggregator(keyField, step.aggregations());
        RecordStream perBatch = KeyedSteps.reduce(KeyedSteps.keyed(stream, keyByField, aggregator), aggregator);
        Duration length = length(step);
        Duration slide = slide(step, stream);
        if (!BuiltinStep.incremental(step.config(), step.aggregations())) {
            return perBatch.window(length, slide).named(name).reduceByKey(aggregator::combine);
        }
        BinaryOperator<Record> inverse = (total, leaving) -> subtract(total, leaving, keyField, step.aggregations());
        Predicate<KeyValue<Object, Record>> filter = step.config().get(BuiltinStep.DROP_EMPTY)
                ? nonEmpty(step.aggregations()) : null;
        PairDStream<Object, Record> windowed = perBatch.keyBy(Record::key).reduceByKeyAndWindow(aggregator::combine,
                inverse, length, slide, stream.context().shufflePartitions(), filter);
        return KeyedSteps.rekey(windowed.named(name).stateKeyedBy(KeyedSteps.keyDescription(keyField)));
    }

    /**
     * {@code reduce-by-window}: each batch aggregated into one record, then per window (Spark's
     * reduceByWindow, incremental with a subtraction as inverse when possible).
     */
    static RecordStream reduceByWindow(RecordStream stream, BuiltinStepDefinition step, String name) {
        Aggregator aggregator = new Aggregator(null, step.aggregations());
        RecordStream perBatch = BatchSteps.reduce(stream, aggregator);
        Duration length = length(step);
        Duration slide = slide(step, stream);
        if (!BuiltinStep.incremental(step.config(), step.aggregations())) {
            return RecordStream.of(perBatch.window(length, slide).named(name).reduce(aggregator::combine));
        }
        BinaryOperator<Record> inverse = (total, leaving) -> subtract(total, leaving, null, step.aggregations());
        PairDStream<Integer, Record> windowed = perBatch.mapToPair(r -> new KeyValue<Integer, Record>(0, r))
                .reduceByKeyAndWindow(aggregator::combine, inverse, length, slide, 1, null);
        return RecordStream.of(windowed.named(name).map(KeyValue::value));
    }

    /** {@code group-by-key-and-window}: every slide, per key, the records of the window in one record. */
    static RecordStream groupByKeyAndWindow(RecordStream stream, String keyField, BuiltinStepDefinition step,
            String name) {
        PairDStream<Object, Record> windowed = stream.keyBy(Record::key).window(length(step), slide(step, stream))
                .named(name);
        return KeyedSteps.grouped(windowed.groupByKey(), keyField, step.config().get(BuiltinStep.GROUP_FIELD));
    }

    /** {@code count-by-value-and-window}: Spark's countByValueAndWindow (incremental, zeros removed). */
    static RecordStream countByValueAndWindow(RecordStream stream, BuiltinStepDefinition step, String name) {
        String field = step.config().get(BuiltinStep.VALUE_FIELD);
        PairDStream<Object, Long> counts = KeyedSteps.values(stream, field)
                .countByValueAndWindow(length(step), slide(step, stream)).named(name);
        return KeyedSteps.counted(counts, field);
    }

    /** Keeps keys whose first {@code count()} aggregation is not 0. */
    private static Predicate<KeyValue<Object, Record>> nonEmpty(List<Aggregation> aggregations) {
        String count = aggregations.stream().filter(a -> a.function() == AggregateFunction.COUNT).findFirst()
                .orElseThrow().outField();
        return kv -> ((Number) kv.value().get(count)).longValue() != 0;
    }

    /** {@code total - leaving}, field by field, for sums and counts (of the same key, when keyed). */
    private static Record subtract(Record total, Record leaving, String keyField, List<Aggregation> aggregations) {
        Record.Builder out = Record.builder().key(total.key()).timestamp(total.timestamp());
        if (keyField != null) {
            out.field(keyField, total.key());
        }
        for (Aggregation a : aggregations) {
            Object x = total.get(a.outField());
            Object y = leaving.get(a.outField());
            out.field(a.outField(), x instanceof Long l && y instanceof Long r ? (Object) Math.subtractExact(l, r)
                    : (Object) (((Number) x).doubleValue() - ((Number) y).doubleValue()));
        }
        return out.build();
    }
}

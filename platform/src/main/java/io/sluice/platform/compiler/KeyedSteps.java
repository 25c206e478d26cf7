package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.stream.CoGrouped;
import io.sluice.platform.stream.DStream;
import io.sluice.platform.stream.PairDStream;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.State;
import io.sluice.platform.stream.StateSpec;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-key steps of pipeline files, on {@link PairDStream}s keyed by {@link Record#key()} (or a
 * field, when fused with {@code key-by}): {@code reduce-by-key} (a {@code combineByKey} over the
 * {@link Aggregator}'s accumulators), {@code group-by-key}, {@code cogroup}, {@code update-state},
 * {@code map-with-state}, {@code count-by-value}. Output records carry their key, and the key in
 * the stream's key field.
 */
final class KeyedSteps {
    private KeyedSteps() {
    }

    /**
     * Pairs each record with its key: {@link Record#key()}, or (when {@code field} is not
     * {@code null}) the field's value, as {@code key-by} would set it. A record without a key, or
     * that {@code aggregator} could not aggregate, is a bad record of this step (so it never fails a
     * fold half-way).
     */
    static PairDStream<Object, Record> keyed(RecordStream stream, String field, Aggregator aggregator) {
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

    /**
     * Per batch and key, the aggregates of the records, as one record carrying the key: Spark's
     * {@code combineByKey} with the aggregator's mutable accumulators as combiners.
     */
    static RecordStream reduce(PairDStream<Object, Record> keyed, Aggregator aggregator) {
        return RecordStream.of(keyed.combineByKey(aggregator::create, aggregator::add, aggregator::merge)
                .map(kv -> aggregator.toRecord(kv.key(), kv.value())));
    }

    /** {@code group-by-key}: per batch and key, {key field, as: [the key's records' fields]}. */
    static RecordStream groupByKey(RecordStream stream, String keyField, BuiltinStepDefinition step) {
        String as = step.config().get(BuiltinStep.GROUP_FIELD);
        return grouped(stream.keyBy(Record::key).groupByKey(), keyField, as);
    }

    /** Each key's list of records as one record: the key, in {@code keyField} too, and the records' fields in {@code as}. */
    static RecordStream grouped(PairDStream<Object, List<Record>> groups, String keyField, String as) {
        return RecordStream.of(groups.map(kv -> Record.builder().key(kv.key()).timestamp(latest(kv.value(), 0))
                .field(keyField, kv.key()).field(as, fieldsOf(kv.value())).build()));
    }

    /**
     * {@code cogroup}: per batch and key of either side, {key field, as: [this side's records],
     * with-as: [the other side's]}.
     */
    static RecordStream cogroup(RecordStream stream, RecordStream other, String keyField, BuiltinStepDefinition step) {
        String as = step.config().get(BuiltinStep.GROUP_FIELD);
        String otherAs = step.config().find(BuiltinStep.OTHER_GROUP_FIELD)
                .orElse(step.config().get(BuiltinStep.COGROUP_WITH));
        PairDStream<Object, CoGrouped<Record, Record>> groups = stream.keyBy(Record::key)
                .cogroup(other.keyBy(Record::key));
        return RecordStream.of(groups.map(kv -> Record.builder().key(kv.key())
                .timestamp(latest(kv.value().right(), latest(kv.value().left(), 0)))
                .field(keyField, kv.key()).field(as, fieldsOf(kv.value().left()))
                .field(otherAs, fieldsOf(kv.value().right())).build()));
    }

    /** {@code update-state}: running aggregates per key, every key's state every batch; the state node is named {@code name}. */
    static RecordStream updateState(RecordStream stream, String keyField, BuiltinStepDefinition step, String name) {
        Aggregator aggregator = new Aggregator(keyField, step.aggregations());
        return rekey(stream.keyBy(Record::key).updateStateByKey(aggregator::update).named(name)
                .stateKeyedBy(keyDescription(keyField)));
    }

    /**
     * {@code map-with-state}: running aggregates per key, emitted per record; an expired key's last
     * state once more. The state node is named {@code name}.
     */
    static RecordStream mapWithState(RecordStream stream, String keyField, BuiltinStepDefinition step, String name) {
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
        return RecordStream.of(stream.keyBy(Record::key).mapWithState(timed).named(name)
                .stateKeyedBy(keyDescription(keyField)));
    }

    /** How a checkpoint names what a step's state is keyed by: the key-by field, or the record key. */
    static String keyDescription(String keyField) {
        return keyField == null ? "the record key" : "field '" + keyField + "'";
    }

    /** Each record's value of {@code field}; a record without it is a bad record. */
    static DStream<Object> values(RecordStream stream, String field) {
        return stream.map(record -> {
            Object value = record.get(field);
            if (value == null) {
                throw new BadRecordException("no value in field '" + field + "' to count");
            }
            return value;
        });
    }

    /** Counted values as records: the value as key and in {@code field}, and the count. */
    static RecordStream counted(PairDStream<Object, Long> counts, String field) {
        return RecordStream.of(counts.map(kv -> Record.builder().key(kv.key()).field(field, kv.key())
                .field(BuiltinStep.COUNT_FIELD, kv.value()).build()));
    }

    /** Pairs of key and record as records carrying that key. */
    static RecordStream rekey(PairDStream<Object, Record> pairs) {
        return RecordStream.of(pairs.map(kv -> Objects.equals(kv.value().key(), kv.key())
                ? kv.value() : kv.value().toBuilder().key(kv.key()).build()));
    }

    private static List<Map<String, Object>> fieldsOf(List<Record> records) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        records.forEach(r -> out.add(r.fields()));
        return out;
    }

    private static long latest(List<Record> records, long from) {
        long latest = from;
        for (Record r : records) {
            latest = Math.max(latest, r.timestamp());
        }
        return latest;
    }
}

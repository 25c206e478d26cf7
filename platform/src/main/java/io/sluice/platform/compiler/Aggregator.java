package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.AggregateFunction;
import io.sluice.platform.pipeline.Aggregation;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic behind {@code reduce-by-key} and {@code update-state}: turns input records into
 * partial aggregates (the key field plus one field per {@link Aggregation}) and combines partials.
 * Combining is associative, so map-side pre-aggregation and any partitioning give the same result;
 * {@code first}/{@code last} rely on the engine combining in input order.
 *
 * <pre>{@code
 * Aggregator agg = new Aggregator("bus", List.of(Aggregation.parse("delta", "sum(delta)")));
 * Record partial = agg.lift(event);          // {bus=bus-0042, delta=2}
 * Record total = agg.combine(partial, next); // {bus=bus-0042, delta=5}
 * }</pre>
 */
final class Aggregator {
    private final List<Aggregation> aggregations;
    private final AggregateFunction[] functions;
    private final String[] inputFields;
    /** Output layout: the key field (if any), then the out fields (an out field named like the key field replaces it). */
    private final RecordSchema outSchema;
    /** Whether output records carry the key in a field (at index 0). */
    private final boolean keyed;
    private final int[] outIndex;
    /** The input layout last seen and where each aggregation's input field is in it; replaced when records change layout. */
    private volatile InputLayout inputLayout;

    /**
     * @param keyField the field the key is written to in output records ({@code key-by}'s field,
     *                 or {@code key} when the source set the keys); {@code null} for aggregations
     *                 without keys ({@code reduce}, {@code reduce-by-window}), whose output has only
     *                 the out fields
     */
    Aggregator(String keyField, List<Aggregation> aggregations) {
        this.aggregations = List.copyOf(aggregations);
        int n = this.aggregations.size();
        this.functions = new AggregateFunction[n];
        this.inputFields = new String[n];
        this.outIndex = new int[n];
        this.keyed = keyField != null;
        RecordSchema schema = keyed ? RecordSchema.empty().with(keyField) : RecordSchema.empty();
        for (int i = 0; i < n; i++) {
            Aggregation a = this.aggregations.get(i);
            functions[i] = a.function();
            inputFields[i] = a.inputField().orElse(null);
            int at = schema.indexOf(a.outField());
            if (at < 0) {
                at = schema.size();
                schema = schema.with(a.outField());
            }
            outIndex[i] = at;
        }
        this.outSchema = schema;
    }

    /** One input record as a partial aggregate. */
    Record lift(Record input) {
        int[] in = inputIndexes(input.schema());
        Object[] values = new Object[outSchema.size()];
        if (keyed) {
            values[0] = input.key();
        }
        for (int i = 0; i < functions.length; i++) {
            values[outIndex[i]] = initial(i, in[i] < 0 ? null : input.get(in[i]), input);
        }
        return Record.builder().key(input.key()).timestamp(input.timestamp()).fields(outSchema, values).build();
    }

    /** Two partial aggregates of one key, {@code earlier} first in input order. */
    Record combine(Record earlier, Record later) {
        Object[] values = new Object[outSchema.size()];
        if (keyed) {
            values[0] = earlier.key();
        }
        for (int i = 0; i < functions.length; i++) {
            values[outIndex[i]] = combine(functions[i], partial(earlier, i), partial(later, i));
        }
        return Record.builder().key(earlier.key()).timestamp(Math.max(earlier.timestamp(), later.timestamp()))
                .fields(outSchema, values).build();
    }

    /** updateStateByKey's function: the previous state combined with this batch's records, in order. */
    Optional<Record> update(List<Record> batch, Optional<Record> state) {
        Record acc = state.orElse(null);
        for (Record r : batch) {
            Record partial = lift(r);
            acc = acc == null ? partial : combine(acc, partial);
        }
        return Optional.ofNullable(acc);
    }

    /**
     * {@code combineByKey}'s {@code create}: a mutable partial aggregate of one input record, which
     * {@link #add} and {@link #merge} then change in place (no record per input record, no boxing of
     * whole-number sums, counts, minima and maxima). {@link #toRecord} gives exactly the record
     * {@link #lift} and {@link #combine} give for the same records in the same order.
     *
     * <pre>{@code
     * pairs.combineByKey(agg::create, agg::add, agg::merge).map(kv -> agg.toRecord(kv.value()));
     * }</pre>
     */
    Accumulator create(Record input) {
        Accumulator acc = new Accumulator(input.key(), input.timestamp(), functions.length);
        int[] in = inputIndexes(input.schema());
        for (int i = 0; i < functions.length; i++) {
            acc.set(i, initial(i, in[i] < 0 ? null : input.get(in[i]), input));
        }
        return acc;
    }

    /**
     * Throws the {@link BadRecordException} {@link #lift} would throw for {@code input} (a missing
     * input field, a sum of something not a number), so a step before {@link #create}/{@link #add}
     * can report and drop the record instead of failing the batch in the middle of a fold.
     */
    void check(Record input) {
        int[] in = inputIndexes(input.schema());
        for (int i = 0; i < functions.length; i++) {
            initial(i, in[i] < 0 ? null : input.get(in[i]), input);
        }
    }

    /** {@code combineByKey}'s {@code mergeValue}: folds a later input record into {@code acc}. */
    Accumulator add(Accumulator acc, Record input) {
        int[] in = inputIndexes(input.schema());
        acc.timestamp = Math.max(acc.timestamp, input.timestamp());
        for (int i = 0; i < functions.length; i++) {
            acc.fold(i, functions[i], initial(i, in[i] < 0 ? null : input.get(in[i]), input));
        }
        return acc;
    }

    /** {@code combineByKey}'s {@code mergeCombiners}: folds {@code later} into {@code earlier}. */
    Accumulator merge(Accumulator earlier, Accumulator later) {
        earlier.timestamp = Math.max(earlier.timestamp, later.timestamp);
        for (int i = 0; i < functions.length; i++) {
            earlier.fold(i, functions[i], later.get(i));
        }
        return earlier;
    }

    /** The partial aggregate as the record {@link #combine} would have made. */
    Record toRecord(Accumulator acc) {
        return toRecord(acc.key, acc);
    }

    /**
     * The partial aggregate as a record of {@code key}: for accumulators made from records whose
     * key was not yet set (the key travels beside them, as in {@code keyBy(...).combineByKey(...)}).
     */
    Record toRecord(Object key, Accumulator acc) {
        Object[] values = new Object[outSchema.size()];
        if (keyed) {
            values[0] = key;
        }
        for (int i = 0; i < functions.length; i++) {
            values[outIndex[i]] = acc.get(i);
        }
        return Record.builder().key(key).timestamp(acc.timestamp).fields(outSchema, values).build();
    }

    /**
     * One key's running aggregates: while an aggregation has seen only whole numbers its value is a
     * primitive {@code long}; the first other value (a decimal, or any first/last value) keeps it
     * as an object from then on, combined exactly as {@link Aggregator#combine} does.
     */
    static final class Accumulator {
        private final Object key;
        private long timestamp;
        private final long[] longs;
        private final Object[] objects;

        private Accumulator(Object key, long timestamp, int size) {
            this.key = key;
            this.timestamp = timestamp;
            this.longs = new long[size];
            this.objects = new Object[size];
        }

        private void set(int i, Object value) {
            if (value instanceof Long l && objects[i] == null) {
                longs[i] = l;
            } else {
                objects[i] = value;
            }
        }

        private Object get(int i) {
            return objects[i] != null ? objects[i] : (Object) longs[i];
        }

        private void fold(int i, AggregateFunction function, Object later) {
            if (objects[i] == null && later instanceof Long l) {
                long earlier = longs[i];
                switch (function) {
                    case SUM, COUNT -> longs[i] = Math.addExact(earlier, l);
                    case MIN -> longs[i] = Math.min(earlier, l);
                    case MAX -> longs[i] = Math.max(earlier, l);
                    case FIRST -> { }
                    case LAST -> longs[i] = l;
                }
                return;
            }
            objects[i] = combine(function, get(i), later);
        }
    }

    /** Aggregation {@code i}'s value in a partial (by position when it has the output layout). */
    private Object partial(Record partial, int i) {
        return partial.schema() == outSchema ? partial.get(outIndex[i]) : partial.get(aggregations.get(i).outField());
    }

    private int[] inputIndexes(RecordSchema schema) {
        InputLayout layout = inputLayout;
        if (layout != null && layout.schema == schema) {
            return layout.indexes;
        }
        int[] indexes = new int[inputFields.length];
        for (int i = 0; i < inputFields.length; i++) {
            indexes[i] = inputFields[i] == null ? -1 : schema.indexOf(inputFields[i]);
        }
        inputLayout = new InputLayout(schema, indexes);
        return indexes;
    }

    private Object initial(int i, Object v, Record input) {
        if (inputFields[i] == null) {
            return 1L; // count()
        }
        if (v == null) {
            Aggregation a = aggregations.get(i);
            String field = inputFields[i];
            throw new BadRecordException(a.function().functionName() + "(" + field + ") for '" + a.outField()
                    + "': the record has no field '" + field + "': " + input);
        }
        return switch (functions[i]) {
            case SUM, MIN, MAX -> v instanceof Long ? v : number(aggregations.get(i), inputFields[i], v, input);
            default -> v;
        };
    }

    /** An input layout and the positions of the aggregations' input fields in it ({@code -1}: absent or count). */
    private record InputLayout(RecordSchema schema, int[] indexes) {
    }

    private static Object combine(AggregateFunction function, Object earlier, Object later) {
        return switch (function) {
            case SUM, COUNT -> add((Number) earlier, (Number) later);
            case MIN -> compare((Number) earlier, (Number) later) <= 0 ? earlier : later;
            case MAX -> compare((Number) earlier, (Number) later) >= 0 ? earlier : later;
            case FIRST -> earlier;
            case LAST -> later;
        };
    }

    private static Number number(Aggregation a, String field, Object v, Record input) {
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof Long || v instanceof Double) {
            return (Number) v;
        }
        throw new BadRecordException(a.function().functionName() + "(" + field + ") needs a number, got "
                + v.getClass().getSimpleName() + " '" + v + "' in " + input);
    }

    private static Number add(Number x, Number y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Math.addExact(a, b);
        }
        return x.doubleValue() + y.doubleValue();
    }

    private static int compare(Number x, Number y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        return Double.compare(x.doubleValue(), y.doubleValue());
    }
}

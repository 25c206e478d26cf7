package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.Aggregation;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
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
    private final String keyField;
    private final List<Aggregation> aggregations;

    /**
     * @param keyField the field the key is written to in output records ({@code key-by}'s field,
     *                 or {@code key} when the source set the keys)
     */
    Aggregator(String keyField, List<Aggregation> aggregations) {
        this.keyField = keyField;
        this.aggregations = List.copyOf(aggregations);
    }

    /** One input record as a partial aggregate. */
    Record lift(Record input) {
        Record.Builder out = Record.builder().key(input.key()).timestamp(input.timestamp()).field(keyField, input.key());
        for (Aggregation a : aggregations) {
            out.field(a.outField(), initial(a, input));
        }
        return out.build();
    }

    /** Two partial aggregates of one key, {@code earlier} first in input order. */
    Record combine(Record earlier, Record later) {
        Record.Builder out = Record.builder().key(earlier.key()).timestamp(Math.max(earlier.timestamp(), later.timestamp()))
                .field(keyField, earlier.key());
        for (Aggregation a : aggregations) {
            out.field(a.outField(), combine(a, earlier.get(a.outField()), later.get(a.outField())));
        }
        return out.build();
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

    private static Object initial(Aggregation a, Record input) {
        if (a.inputField().isEmpty()) {
            return 1L; // count()
        }
        String field = a.inputField().get();
        Object v = input.get(field);
        if (v == null) {
            throw new BadRecordException(a.function().functionName() + "(" + field + ") for '" + a.outField()
                    + "': the record has no field '" + field + "': " + input);
        }
        return switch (a.function()) {
            case SUM, MIN, MAX -> number(a, field, v, input);
            default -> v;
        };
    }

    private static Object combine(Aggregation a, Object earlier, Object later) {
        return switch (a.function()) {
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

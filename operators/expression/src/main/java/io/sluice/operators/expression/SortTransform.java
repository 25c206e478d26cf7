package io.sluice.operators.expression;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.operator.BatchTransform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a batch by an expression's value (stable), then keeps the first {@code limit}. Each
 * record's value is computed once; records it cannot be computed on are reported and left out.
 */
final class SortTransform implements BatchTransform {
    private final CompiledExpression by;
    private final boolean descending;
    private final int limit;
    private ErrorReporter errors;

    SortTransform(CompiledExpression by, boolean descending, int limit) {
        this.by = by;
        this.descending = descending;
        this.limit = limit;
    }

    @Override
    public void open(ComponentContext context) {
        this.errors = context.errors();
    }

    @Override
    public List<Record> transform(BatchInfo batch, List<Record> records) {
        List<Keyed> keyed = new ArrayList<>(records.size());
        for (Record record : records) {
            try {
                keyed.add(new Keyed(by.evaluate(record), record));
            } catch (BadRecordException e) {
                errors.report(record, e);
            }
        }
        Comparator<Keyed> order = Comparator.comparing(Keyed::value, SortTransform::compare);
        keyed.sort(descending ? order.reversed() : order);
        List<Record> out = new ArrayList<>(Math.min(limit, keyed.size()));
        for (int i = 0; i < keyed.size() && i < limit; i++) {
            out.add(keyed.get(i).record());
        }
        return out;
    }

    /** Numbers by value, strings and booleans naturally, {@code null} last; values of different kinds by kind. */
    static int compare(Object a, Object b) {
        int kinds = Integer.compare(kind(a), kind(b));
        if (kinds != 0) {
            return kinds;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return a == null ? 0 : a.toString().compareTo(b.toString());
    }

    private static int compareNumbers(Number x, Number y) {
        if (whole(x) && whole(y)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            return Double.compare(dx, dy);
        }
        return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())); // exact for BigInteger/BigDecimal
    }

    private static boolean whole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static int kind(Object value) {
        if (value instanceof Number) {
            return 0;
        }
        if (value instanceof String) {
            return 1;
        }
        if (value instanceof Boolean) {
            return 2;
        }
        return value == null ? 4 : 3;
    }

    private record Keyed(Object value, Record record) {
    }
}

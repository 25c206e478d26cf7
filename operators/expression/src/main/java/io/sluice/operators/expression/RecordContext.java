package io.sluice.operators.expression;

import io.sluice.spi.Record;
import java.util.Map;
import org.apache.commons.jexl3.JexlContext;

/**
 * The variables of one evaluation: the record's fields, then {@code key} and {@code timestamp} (a
 * field of that name wins). Read-only, and created per evaluation: it holds nothing but the record.
 */
final class RecordContext implements JexlContext {
    static final String KEY = "key";
    static final String TIMESTAMP = "timestamp";

    private final Record record;

    RecordContext(Record record) {
        this.record = record;
    }

    @Override
    public Object get(String name) {
        Map<String, Object> fields = record.fields();
        Object value = fields.get(name);
        if (value != null || fields.containsKey(name)) {
            return value;
        }
        if (KEY.equals(name)) {
            return record.key();
        }
        if (TIMESTAMP.equals(name)) {
            return record.timestamp();
        }
        return null;
    }

    @Override
    public boolean has(String name) {
        return record.fields().containsKey(name) || KEY.equals(name) || TIMESTAMP.equals(name);
    }

    @Override
    public void set(String name, Object value) {
        throw new UnsupportedOperationException("expressions cannot assign variables ('" + name + "')");
    }
}

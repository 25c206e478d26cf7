package io.sluice.operators.expression;

import io.sluice.spi.BadRecordException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what JEXL computes into the value types a {@link io.sluice.spi.Record} field may hold:
 * whole numbers become {@code Long}, decimals {@code Double}, arrays and sets lists, characters
 * strings. Anything else (a class, a range object) is refused.
 */
final class FieldValues {
    private FieldValues() {
    }

    /**
     * @throws BadRecordException naming {@code field} if the value has no record type
     */
    static Object toFieldValue(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof BigInteger i) {
            if (i.bitLength() >= Long.SIZE) {
                throw new BadRecordException("field '" + field + "': " + i + " does not fit in a 64-bit whole number");
            }
            return i.longValue();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            for (Object o : c) {
                list.add(toFieldValue(field, o));
            }
            return list;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>(Array.getLength(value));
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(toFieldValue(field, Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new BadRecordException("field '" + field + "': map keys must be text, got " + e.getKey());
                }
                map.put(key, toFieldValue(field, e.getValue()));
            }
            return map;
        }
        throw new BadRecordException("field '" + field + "': a " + value.getClass().getSimpleName()
                + " is not a record value (text, number, boolean, list or map)");
    }
}

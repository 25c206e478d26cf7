package io.sluice.platform.durability.codec;

import io.sluice.platform.stream.KeyValue;
import io.sluice.spi.Record;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Equality for decoded values that is stricter than {@code equals} where it must be: arrays by
 * content (also inside lists, maps and records, where {@code equals} would compare identity), and
 * collections and maps in iteration order (the codec promises to keep it), element by element.
 */
final class DeepValues {
    private DeepValues() {
    }

    /** A comparable form of {@code value}: arrays become tagged lists, collections lists in order, records their parts. */
    static Object canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            elements.add(value.getClass().getComponentType().getName() + "[]");
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(canonical(Array.get(value, i)));
            }
            return elements;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> elements = new ArrayList<>();
            elements.add(value instanceof List ? "list" : "set");
            collection.forEach(e -> elements.add(canonical(e)));
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            entries.add("map");
            map.forEach((k, v) -> entries.add(Arrays.asList(canonical(k), canonical(v))));
            return entries;
        }
        if (value instanceof Record r) {
            List<Object> fields = new ArrayList<>();
            for (int i = 0; i < r.schema().size(); i++) {
                fields.add(Arrays.asList(r.schema().name(i), canonical(r.get(i))));
            }
            return Arrays.asList("record", canonical(r.key()), fields, canonical(r.payload()), r.timestamp(),
                    canonical(r.headers()), r.position());
        }
        if (value instanceof KeyValue<?, ?> kv) {
            return Arrays.asList("kv", canonical(kv.key()), canonical(kv.value()));
        }
        if (value instanceof Optional<?> o) {
            return Arrays.asList("optional", canonical(o.orElse(null)));
        }
        if (value.getClass().isRecord()) {
            List<Object> parts = new ArrayList<>();
            parts.add(value.getClass().getName());
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    parts.add(canonical(c.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return parts;
        }
        return Arrays.asList(value.getClass().getName(), value);
    }
}

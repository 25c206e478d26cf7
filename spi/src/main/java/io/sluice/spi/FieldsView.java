package io.sluice.spi;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@link Record#fields()}: an unmodifiable, ordered map over a record's schema and values, with
 * the equality, hash code and text of any other map of the same entries.
 */
final class FieldsView extends AbstractMap<String, Object> {
    private final RecordSchema schema;
    private final Object[] values;

    FieldsView(RecordSchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    @Override
    public int size() {
        return schema.size();
    }

    @Override
    public Object get(Object name) {
        if (!(name instanceof String s)) {
            return null;
        }
        int index = schema.indexOf(s);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String s && schema.indexOf(s) >= 0;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return schema.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < schema.size();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= schema.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(schema.name(i), values[i]);
                    }
                };
            }
        };
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("record fields are read-only: use Record.toBuilder()");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("record fields are read-only: use Record.toBuilder()");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("record fields are read-only: use Record.toBuilder()");
    }
}

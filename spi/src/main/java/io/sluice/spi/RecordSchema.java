package io.sluice.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The field names of a {@link Record}, in order: records store their values in an array laid out
 * by their schema, so code that reads the same fields of many records resolves each name once
 * ({@link #indexOf}) and then reads by position ({@link Record#get(int)}) instead of looking the
 * name up per record.
 *
 * <p>Schemas are immutable and shared: they are built by appending one field at a time from
 * {@link #empty()} ({@link #with}), and the same sequence of names gives the same instance (up to a
 * bound on how many schemas are kept, after which new ones are still correct but not shared). Two
 * records are equal whatever their schemas' identity: equality is by field names and values, as
 * for maps.
 *
 * <pre>{@code
 * RecordSchema schema = RecordSchema.of("bus", "delta");
 * int delta = schema.indexOf("delta");                        // 1, once
 * for (Record r : records) {
 *     long d = r.schema() == schema ? (Long) r.get(delta) : r.getLong("delta");
 * }
 * }</pre>
 */
public final class RecordSchema {
    /** Schemas kept for sharing, in all; beyond this, appending creates private schemas. */
    private static final int MAX_SHARED = 10_000;
    /** Distinct next fields kept per schema, so records with data-dependent names cannot grow it without bound. */
    private static final int MAX_CHILDREN = 64;
    private static final AtomicInteger SHARED = new AtomicInteger();
    private static final RecordSchema EMPTY = new RecordSchema(new String[0]);

    private final String[] names;
    private final int[] table;
    private final int mask;
    private final Map<String, RecordSchema> children = new ConcurrentHashMap<>();
    private volatile Transition last;

    private RecordSchema(String[] names) {
        this.names = names;
        int size = Integer.highestOneBit(Math.max(4, names.length * 3)) << 1;
        this.mask = size - 1;
        this.table = new int[size];
        for (int i = 0; i < names.length; i++) {
            int slot = names[i].hashCode() & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    /** The schema of no fields. */
    public static RecordSchema empty() {
        return EMPTY;
    }

    /**
     * The schema of these names, in this order.
     *
     * @throws IllegalArgumentException if a name repeats
     */
    public static RecordSchema of(String... names) {
        RecordSchema schema = EMPTY;
        for (String name : names) {
            RecordSchema next = schema.withNew(name);
            if (next == null) {
                throw new IllegalArgumentException("field '" + name + "' appears twice in " + Arrays.toString(names));
            }
            schema = next;
        }
        return schema;
    }

    /** How many fields. */
    public int size() {
        return names.length;
    }

    /** The name of field {@code index}. */
    public String name(int index) {
        return names[index];
    }

    /** The names, in order. */
    public List<String> names() {
        return List.of(names);
    }

    /** The position of {@code name}, or {@code -1} if there is no such field. */
    public int indexOf(String name) {
        int slot = name.hashCode() & mask;
        int entry;
        while ((entry = table[slot]) != 0) {
            String candidate = names[entry - 1];
            if (candidate == name || candidate.equals(name)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * This schema with {@code name} appended. Shared: the same call returns the same instance.
     *
     * @throws IllegalArgumentException if the schema already has a field {@code name}
     */
    public RecordSchema with(String name) {
        RecordSchema child = withNew(name);
        if (child == null) {
            throw new IllegalArgumentException("field '" + name + "' is already in " + this);
        }
        return child;
    }

    /**
     * This schema with {@code name} appended, or {@code null} if it already has that field: the
     * one call a decoder makes per field (a repeat of the last append from this schema costs one
     * comparison, not a lookup).
     */
    public RecordSchema withNew(String name) {
        Transition t = last;
        if (t != null && (t.name == name || t.name.equals(name))) {
            return t.schema;
        }
        RecordSchema child = children.get(name);
        if (child == null) {
            if (indexOf(name) >= 0) {
                return null;
            }
            child = append(name);
            if (children.size() < MAX_CHILDREN && SHARED.get() < MAX_SHARED) {
                SHARED.incrementAndGet();
                RecordSchema raced = children.putIfAbsent(name, child);
                child = raced == null ? child : raced;
            }
        }
        last = new Transition(name, child);
        return child;
    }

    private RecordSchema append(String name) {
        String[] more = Arrays.copyOf(names, names.length + 1);
        more[names.length] = name;
        return new RecordSchema(more);
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }

    /** The last appended name and its schema: most records of a stream have one layout. */
    private record Transition(String name, RecordSchema schema) {
    }
}

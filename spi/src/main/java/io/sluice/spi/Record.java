package io.sluice.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One element of a stream: an optional key, a value that is either structured fields or raw
 * bytes, a timestamp, headers and the position it was read from. Immutable and safe to share
 * between threads; "changing" a record means building a new one with {@link #toBuilder()}.
 *
 * <p><b>Field values</b> are limited to types every format and the checkpoint store can carry:
 * {@code null}, {@link String}, {@link Long}, {@link Integer}, {@link Double}, {@link Boolean},
 * {@code byte[]}, {@link java.util.List} and {@link Map} (with {@code String} keys) of these.
 * Whole numbers decoded from text formats are {@code Long}.
 *
 * <p><b>Key</b>: set by the {@code key-by} step (or a source that has keys, such as Kafka); keyed
 * steps (reduce-by-key, update-state, stateful operators) partition and group by it. Keys follow
 * the same type rules as field values and must have value-based {@code equals}/{@code hashCode}.
 *
 * <pre>{@code
 * Record event = Record.builder()
 *         .field("bus", "bus-0042")
 *         .field("boarded", 3L)
 *         .timestamp(1732390000123L)
 *         .build();
 * long boarded = event.getLong("boarded");
 * Record keyed = event.toBuilder().key(event.get("bus")).build();
 * }</pre>
 *
 * <p><b>Layout</b>: the fields are stored as an array of values laid out by a shared
 * {@link RecordSchema}. {@link #get(String)} and {@link #fields()} work as on a map; code that
 * reads the same fields of many records resolves the names once and reads by position:
 *
 * <pre>{@code
 * int boarded = record.schema().indexOf("boarded");   // once per schema
 * Object value = record.get(boarded);                  // per record
 * }</pre>
 */
public final class Record {
    private static final Map<String, String> NO_HEADERS = Collections.emptyMap();
    private static final Object[] NO_VALUES = new Object[0];

    private final Object key;
    private final RecordSchema schema;
    private final Object[] values;
    private final byte[] payload;
    private final long timestamp;
    private final Map<String, String> headers;
    private final String position;
    private Map<String, Object> fieldsView;

    private Record(Builder b) {
        this.key = b.key;
        this.schema = b.schema;
        this.values = b.values;
        b.valuesShared = true;
        this.payload = b.payload;
        this.timestamp = b.timestamp;
        this.headers = b.headers == null ? NO_HEADERS : Collections.unmodifiableMap(b.headers);
        this.position = b.position;
    }

    /** A record whose value is the given fields (copied). */
    public static Record of(Map<String, ?> fields) {
        return builder().fields(fields).build();
    }

    /** A record whose value is raw bytes (not copied: do not modify the array afterwards). */
    public static Record ofPayload(byte[] payload) {
        return builder().payload(payload).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key, or {@code null} when the record is not keyed. */
    public Object key() {
        return key;
    }

    /**
     * The structured value, in field order: an unmodifiable map view; empty (never {@code null})
     * when the record carries only a payload.
     */
    public Map<String, Object> fields() {
        if (schema.size() == 0) {
            return Collections.emptyMap();
        }
        Map<String, Object> view = fieldsView;
        if (view == null) {
            view = new FieldsView(schema, values);
            fieldsView = view;
        }
        return view;
    }

    /** The names of the fields and where each value is: see {@link #get(int)}. */
    public RecordSchema schema() {
        return schema;
    }

    /**
     * The value of field number {@code index} of {@link #schema()} (possibly {@code null}).
     *
     * @throws IndexOutOfBoundsException if the schema has no such field
     */
    public Object get(int index) {
        Objects.checkIndex(index, schema.size());
        return values[index];
    }

    /** The value of one field, or {@code null} if absent. */
    public Object get(String field) {
        int index = schema.indexOf(field);
        return index < 0 ? null : values[index];
    }

    /**
     * A numeric field as a {@code long}.
     *
     * @throws BadRecordException if the field is missing or not a whole number
     */
    public long getLong(String field) {
        Object v = get(field);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new BadRecordException("field '" + field + "' is not a whole number: " + v);
    }

    /** A field as a {@code String} ({@code null} if absent; other types via {@code toString()}). */
    public String getString(String field) {
        Object v = get(field);
        return v == null ? null : v.toString();
    }

    /** The raw value, or {@code null} when the record is structured. Do not modify the array. */
    public byte[] payload() {
        return payload;
    }

    public boolean hasPayload() {
        return payload != null;
    }

    /** The payload decoded as UTF-8, or {@code null} when there is none. */
    public String payloadAsString() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** Event time in epoch milliseconds; {@code 0} when the source knows none. */
    public long timestamp() {
        return timestamp;
    }

    /** Headers (e.g. Kafka, MQTT user properties, Flume event headers); never {@code null}. */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Where the record came from, for error reports: {@code "events.jsonl:12"},
     * {@code "orders-3@1042"}; {@code null} when unknown.
     */
    public String position() {
        return position;
    }

    /** A builder starting from this record's contents (fields and headers are copied). */
    public Builder toBuilder() {
        Builder b = new Builder().key(key).payload(payload).timestamp(timestamp).position(position);
        b.schema = schema;
        b.values = values;
        b.valuesShared = true;
        if (!headers.isEmpty()) {
            b.headers(headers);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Record r)) {
            return false;
        }
        return timestamp == r.timestamp && Objects.equals(key, r.key) && fieldsEqual(r)
                && Arrays.equals(payload, r.payload) && headers.equals(r.headers)
                && Objects.equals(position, r.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, fieldsHashCode(), Arrays.hashCode(payload), timestamp, headers);
    }

    /** Equal fields as maps are equal: the same names with equal values, in any order. */
    private boolean fieldsEqual(Record r) {
        int size = schema.size();
        if (r.schema == schema) {
            for (int i = 0; i < size; i++) {
                if (!Objects.deepEquals(values[i], r.values[i])) {
                    return false;
                }
            }
            return true;
        }
        if (r.schema.size() != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            int j = r.schema.indexOf(schema.name(i));
            if (j < 0 || !Objects.deepEquals(values[i], r.values[j])) {
                return false;
            }
        }
        return true;
    }

    /** A value's hash; byte arrays (a field type) by content, as {@link #equals} compares them. */
    private static int valueHash(Object value) {
        return value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(value);
    }

    /** {@link Map#hashCode()} of the fields (byte arrays by content), without building the map. */
    private int fieldsHashCode() {
        int h = 0;
        for (int i = 0; i < schema.size(); i++) {
            h += schema.name(i).hashCode() ^ valueHash(values[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (key != null) {
            sb.append(key).append(" -> ");
        }
        if (payload != null && schema.size() == 0) {
            sb.append(payloadAsString());
        } else {
            sb.append(fields());
        }
        return sb.toString();
    }

    /** Builds a {@link Record}. Not thread-safe; a builder is used once. */
    public static final class Builder {
        private Object key;
        private RecordSchema schema = RecordSchema.empty();
        private Object[] values = NO_VALUES;
        /** Whether {@code values} belongs to a record or a caller: copied before the first write. */
        private boolean valuesShared;
        private byte[] payload;
        private long timestamp;
        private LinkedHashMap<String, String> headers;
        private String position;

        private Builder() {
        }

        public Builder key(Object key) {
            this.key = key;
            return this;
        }

        /** Sets (or replaces) one field, keeping insertion order. */
        public Builder field(String name, Object value) {
            Objects.requireNonNull(name, "a field name must not be null");
            RecordSchema longer = schema.withNew(name);
            if (longer == null) {
                writable(schema.size());
                values[schema.indexOf(name)] = value;
            } else {
                int size = schema.size();
                writable(size + 1);
                schema = longer;
                values[size] = value;
            }
            return this;
        }

        /** Replaces all fields with a copy of {@code values}. */
        public Builder fields(Map<String, ?> values) {
            schema = RecordSchema.empty();
            this.values = new Object[values.size()];
            valuesShared = false;
            for (Map.Entry<String, ?> e : values.entrySet()) {
                field(e.getKey(), e.getValue());
            }
            return this;
        }

        /**
         * Replaces all fields: field {@code i} of {@code schema} gets {@code values[i]}. The array is
         * not copied: do not modify it afterwards. The fast way to build many records of one layout.
         *
         * @throws IllegalArgumentException if there are fewer values than fields
         */
        public Builder fields(RecordSchema schema, Object[] values) {
            if (values.length < schema.size()) {
                throw new IllegalArgumentException(values.length + " values for the " + schema.size() + " fields of " + schema);
            }
            this.schema = Objects.requireNonNull(schema, "schema");
            this.values = values;
            this.valuesShared = true;
            return this;
        }

        /** Removes one field if present. */
        public Builder removeField(String name) {
            int index = schema.indexOf(name);
            if (index < 0) {
                return this;
            }
            RecordSchema kept = RecordSchema.empty();
            Object[] keptValues = new Object[schema.size() - 1];
            for (int i = 0, j = 0; i < schema.size(); i++) {
                if (i != index) {
                    kept = kept.with(schema.name(i));
                    keptValues[j++] = values[i];
                }
            }
            schema = kept;
            values = keptValues;
            valuesShared = false;
            return this;
        }

        public Builder payload(byte[] payload) {
            this.payload = payload;
            return this;
        }

        public Builder timestamp(long epochMillis) {
            this.timestamp = epochMillis;
            return this;
        }

        public Builder header(String name, String value) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, value);
            return this;
        }

        public Builder headers(Map<String, String> values) {
            headers = new LinkedHashMap<>(values);
            return this;
        }

        public Builder position(String position) {
            this.position = position;
            return this;
        }

        public Record build() {
            return new Record(this);
        }

        /** Makes {@code values} this builder's own and at least {@code length} long. */
        private void writable(int length) {
            if (valuesShared || values.length < length) {
                values = Arrays.copyOf(values, valuesShared ? Math.max(length, schema.size()) : Math.max(length, values.length * 2 + 4));
                valuesShared = false;
            }
        }
    }
}

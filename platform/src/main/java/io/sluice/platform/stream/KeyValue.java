package io.sluice.platform.stream;

/**
 * One element of a {@link PairDStream}: a key and a value. Keys partition keyed steps by
 * {@code hashCode()}, so they must have value-based {@code equals}/{@code hashCode} (strings,
 * numbers, records); values must not be {@code null} in keyed aggregations.
 *
 * <pre>{@code
 * PairDStream<String, Long> perBus = events.mapToPair(e -> KeyValue.of(e.getString("bus"), 1L));
 * }</pre>
 *
 * @param key   the key
 * @param value the value
 * @param <K>   key type
 * @param <V>   value type
 */
public record KeyValue<K, V>(K key, V value) {
    public static <K, V> KeyValue<K, V> of(K key, V value) {
        return new KeyValue<>(key, value);
    }

    /** Spark's tuple form, {@code (key,value)}, as {@link DStream#print(int)} shows it. */
    @Override
    public String toString() {
        return "(" + key + "," + value + ")";
    }
}

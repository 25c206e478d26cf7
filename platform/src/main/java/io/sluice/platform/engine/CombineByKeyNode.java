package io.sluice.platform.engine;

import io.sluice.platform.stream.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Spark's {@code combineByKey} per batch: map-side, each input partition folds its values of a key
 * into a combiner ({@code create} for the first value, then {@code mergeValue}, in arrival order);
 * after the hash shuffle, the combiners of a key are merged with {@code mergeCombiners} in
 * input-partition order. Output partition {@code r} lists its keys in order of first appearance.
 * {@code groupByKey} is this with lists.
 *
 * @param <K> key type
 * @param <V> value type (never {@code null})
 * @param <C> combiner type
 */
public final class CombineByKeyNode<K, V, C> extends Node<KeyValue<K, C>> {
    private final Node<KeyValue<K, V>> parent;
    private final Function<? super V, ? extends C> create;
    private final BiFunction<C, ? super V, C> mergeValue;
    private final BinaryOperator<C> mergeCombiners;
    private final int partitions;
    /** The largest map-side bucket of the previous batch: the next batch's buckets start that large. */
    private volatile int expectedBucketKeys;

    public CombineByKeyNode(Node<KeyValue<K, V>> parent, Function<? super V, ? extends C> create,
            BiFunction<C, ? super V, C> mergeValue, BinaryOperator<C> mergeCombiners, int partitions) {
        super(parent.graph(), "combine-by-key", List.of(parent));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.parent = parent;
        this.create = Objects.requireNonNull(create, "create");
        this.mergeValue = Objects.requireNonNull(mergeValue, "mergeValue");
        this.mergeCombiners = Objects.requireNonNull(mergeCombiners, "mergeCombiners");
        this.partitions = partitions;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    protected Partitions<KeyValue<K, C>> compute(BatchRun run) {
        int expected = expectedBucketKeys;
        List<Combiner> combiners = Shuffle.mapSide(parent.partitions(run), run.pool(), () -> new Combiner(expected));
        int largest = 0;
        for (Combiner c : combiners) {
            for (Map<K, C> bucket : c.buckets) {
                largest = Math.max(largest, bucket == null ? 0 : bucket.size());
            }
        }
        expectedBucketKeys = largest;
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            Map<K, C> merged = null;
            for (Combiner c : combiners) {
                Map<K, C> bucket = c.buckets[r];
                if (bucket == null) {
                    continue;
                }
                if (merged == null) {
                    merged = bucket;
                } else {
                    mergeInto(merged, bucket);
                }
            }
            if (merged == null) {
                return new ArrayList<>(0);
            }
            List<KeyValue<K, C>> out = new ArrayList<>(merged.size());
            merged.forEach((k, combined) -> out.add(new KeyValue<>(k, combined)));
            return out;
        });
    }

    private void mergeInto(Map<K, C> merged, Map<K, C> bucket) {
        bucket.forEach((k, combined) -> merged.merge(k, combined, mergeCombiners));
    }

    /** Map-side combiners of one input partition: one ordered map per output partition. */
    private final class Combiner implements Pipe<KeyValue<K, V>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final Map<K, C>[] buckets = new Map[partitions];
        private final int expectedKeys;

        Combiner(int expectedKeys) {
            this.expectedKeys = expectedKeys;
        }

        @Override
        public void accept(KeyValue<K, V> kv) {
            int r = HashPartitioner.partition(kv.key(), partitions);
            Map<K, C> bucket = buckets[r];
            if (bucket == null) {
                bucket = Shuffle.newOrderedMap(expectedKeys);
                buckets[r] = bucket;
            }
            V value = Objects.requireNonNull(kv.value(), "values of keyed steps must not be null");
            K key = kv.key();
            C current = bucket.get(key);
            if (current == null) {
                bucket.put(key, Objects.requireNonNull(create.apply(value), "combiners must not be null"));
                return;
            }
            C next = Objects.requireNonNull(mergeValue.apply(current, value), "combiners must not be null");
            if (next != current) {
                bucket.put(key, next); // a mutable combiner merged in place is already in the map
            }
        }

        @Override
        public void end() {
        }
    }
}

package io.sluice.platform.engine;

import io.sluice.platform.stream.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Per batch, one value per key: values are combined map-side (per input partition, in input order)
 * before the hash shuffle, then the partial results are merged in input-partition order. Output
 * partition {@code r} lists its keys in order of first appearance in the batch.
 *
 * @param <K> key type
 * @param <V> value type (never {@code null})
 */
public final class ReduceByKeyNode<K, V> extends Node<KeyValue<K, V>> {
    private final Node<KeyValue<K, V>> parent;
    private final BinaryOperator<V> reduce;
    private final int partitions;
    /** The largest map-side bucket of the previous batch: the next batch's buckets start that large. */
    private volatile int expectedBucketKeys;

    public ReduceByKeyNode(Node<KeyValue<K, V>> parent, BinaryOperator<V> reduce, int partitions) {
        super(parent.graph(), "reduce-by-key", List.of(parent));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.parent = parent;
        this.reduce = reduce;
        this.partitions = partitions;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    protected Partitions<KeyValue<K, V>> compute(BatchRun run) {
        int expected = expectedBucketKeys;
        List<Combiner> combiners = Shuffle.mapSide(parent.partitions(run), run.pool(), () -> new Combiner(expected));
        int largest = 0;
        for (Combiner c : combiners) {
            for (Map<K, V> bucket : c.buckets) {
                largest = Math.max(largest, bucket == null ? 0 : bucket.size());
            }
        }
        expectedBucketKeys = largest;
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            Map<K, V> merged = null;
            for (Combiner c : combiners) {
                Map<K, V> bucket = c.buckets[r];
                if (bucket == null) {
                    continue;
                }
                if (merged == null) {
                    merged = bucket;
                } else {
                    mergeInto(merged, bucket);
                }
            }
            List<KeyValue<K, V>> out = new ArrayList<>(merged == null ? 0 : merged.size());
            if (merged != null) {
                merged.forEach((k, v) -> out.add(new KeyValue<>(k, v)));
            }
            return out;
        });
    }

    private void mergeInto(Map<K, V> merged, Map<K, V> bucket) {
        bucket.forEach((k, v) -> merged.merge(k, v, reduce));
    }

    /** Map-side combiner of one input partition: one ordered map per output partition. */
    private final class Combiner implements Pipe<KeyValue<K, V>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final Map<K, V>[] buckets = new Map[partitions];
        private final int expectedKeys;

        Combiner(int expectedKeys) {
            this.expectedKeys = expectedKeys;
        }

        @Override
        public void accept(KeyValue<K, V> kv) {
            int r = HashPartitioner.partition(kv.key(), partitions);
            Map<K, V> bucket = buckets[r];
            if (bucket == null) {
                bucket = Shuffle.newOrderedMap(expectedKeys);
                buckets[r] = bucket;
            }
            bucket.merge(kv.key(), kv.value(), reduce);
        }

        @Override
        public void end() {
        }
    }
}

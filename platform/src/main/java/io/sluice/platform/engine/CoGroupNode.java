package io.sluice.platform.engine;

import io.sluice.platform.stream.CoGrouped;
import io.sluice.platform.stream.KeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spark's {@code cogroup} of two keyed streams in the same batch: both are hash-partitioned by key
 * with the same partitioner into the same partitions, and each key present on either side yields
 * one {@link CoGrouped} with its values from each side in arrival order. Keys are listed in order of
 * first appearance on the left, then right-only keys in order of first appearance. The joins are
 * this followed by a cross product per key.
 *
 * @param <K> key type
 * @param <V> left value type
 * @param <W> right value type
 */
public final class CoGroupNode<K, V, W> extends Node<KeyValue<K, CoGrouped<V, W>>> {
    private final Node<KeyValue<K, V>> left;
    private final Node<KeyValue<K, W>> right;
    private final int partitions;

    public CoGroupNode(Node<KeyValue<K, V>> left, Node<KeyValue<K, W>> right, int partitions) {
        super(left.graph(), "cogroup", List.of(left, right));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.left = left;
        this.right = right;
        this.partitions = partitions;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    protected Partitions<KeyValue<K, CoGrouped<V, W>>> compute(BatchRun run) {
        List<Grouper<K, V>> lefts = Shuffle.mapSide(left.partitions(run), run.pool(), () -> new Grouper<>(partitions));
        List<Grouper<K, W>> rights = Shuffle.mapSide(right.partitions(run), run.pool(), () -> new Grouper<>(partitions));
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            Map<K, Sides<V, W>> groups = new LinkedHashMap<>();
            for (Grouper<K, V> g : lefts) {
                g.forEach(r, (k, vs) -> groups.computeIfAbsent(k, x -> new Sides<>()).left.addAll(vs));
            }
            for (Grouper<K, W> g : rights) {
                g.forEach(r, (k, ws) -> groups.computeIfAbsent(k, x -> new Sides<>()).right.addAll(ws));
            }
            List<KeyValue<K, CoGrouped<V, W>>> out = new ArrayList<>(groups.size());
            groups.forEach((k, sides) -> out.add(new KeyValue<>(k, new CoGrouped<>(
                    Collections.unmodifiableList(sides.left), Collections.unmodifiableList(sides.right)))));
            return out;
        });
    }

    private static final class Sides<V, W> {
        final List<V> left = new ArrayList<>();
        final List<W> right = new ArrayList<>();
    }

    /** Map-side grouping of one input partition: values per key, per output partition, in order. */
    static final class Grouper<K, V> implements Pipe<KeyValue<K, V>> {
        private final Map<K, List<V>>[] buckets;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Grouper(int partitions) {
            this.buckets = new Map[partitions];
        }

        @Override
        public void accept(KeyValue<K, V> kv) {
            int r = HashPartitioner.partition(kv.key(), buckets.length);
            if (buckets[r] == null) {
                buckets[r] = new LinkedHashMap<>();
            }
            buckets[r].computeIfAbsent(kv.key(), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(kv.value(), "values of keyed steps must not be null"));
        }

        void forEach(int partition, java.util.function.BiConsumer<K, List<V>> action) {
            if (buckets[partition] != null) {
                buckets[partition].forEach(action);
            }
        }

        @Override
        public void end() {
        }
    }
}

package io.sluice.platform.engine;

import io.sluice.platform.stream.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        List<Combiner> combiners = Shuffle.mapSide(parent.partitions(run), run.pool(), Combiner::new);
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            Map<K, C> merged = new LinkedHashMap<>();
            for (Combiner c : combiners) {
                if (c.buckets[r] != null) {
                    c.buckets[r].forEach((k, combined) -> merged.merge(k, combined, mergeCombiners));
                }
            }
            List<KeyValue<K, C>> out = new ArrayList<>(merged.size());
            merged.forEach((k, combined) -> out.add(new KeyValue<>(k, combined)));
            return out;
        });
    }

    /** Map-side combiners of one input partition: one ordered map per output partition. */
    private final class Combiner implements Pipe<KeyValue<K, V>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final Map<K, C>[] buckets = new Map[partitions];

        @Override
        public void accept(KeyValue<K, V> kv) {
            int r = HashPartitioner.partition(kv.key(), partitions);
            Map<K, C> bucket = buckets[r];
            if (bucket == null) {
                bucket = new LinkedHashMap<>();
                buckets[r] = bucket;
            }
            V value = Objects.requireNonNull(kv.value(), "values of keyed steps must not be null");
            C current = bucket.get(kv.key());
            C next = current == null ? create.apply(value) : mergeValue.apply(current, value);
            bucket.put(kv.key(), Objects.requireNonNull(next, "combiners must not be null"));
        }

        @Override
        public void end() {
        }
    }
}

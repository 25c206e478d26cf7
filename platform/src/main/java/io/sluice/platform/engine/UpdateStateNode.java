package io.sluice.platform.engine;

import io.sluice.platform.stream.KeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Spark's {@code updateStateByKey}: each batch, the update function is called for every key that has
 * state or new values (values in arrival order; an empty list for keys without new data), an empty
 * result removes the key, and the output is the state of every remaining key. State lives in one
 * {@link StateStore} per shuffle partition and changes only when the batch commits.
 *
 * <p>Output order per partition: keys that had state, in the store's order, then new keys in order
 * of first appearance.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 */
public final class UpdateStateNode<K, V, S> extends Node<KeyValue<K, S>> {
    private final Node<KeyValue<K, V>> parent;
    private final BiFunction<List<V>, Optional<S>, Optional<S>> update;
    private final int partitions;
    private final List<StateStore<K, S>> stores;

    public UpdateStateNode(Node<KeyValue<K, V>> parent, BiFunction<List<V>, Optional<S>, Optional<S>> update,
            int partitions) {
        super(parent.graph(), "update-state", List.of(parent));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.parent = parent;
        this.update = update;
        this.partitions = partitions;
        this.stores = InMemoryStateStore.perPartition(partitions);
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public NodeState state() {
        return StateStores.nodeState("update-state", stores, s -> s, s -> (S) s);
    }

    @Override
    protected Partitions<KeyValue<K, S>> compute(BatchRun run) {
        List<Grouper> groupers = Shuffle.mapSide(parent.partitions(run), run.pool(), Grouper::new);
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            Map<K, List<V>> values = new LinkedHashMap<>();
            for (Grouper g : groupers) {
                if (g.buckets[r] != null) {
                    g.buckets[r].forEach((k, vs) -> values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(vs));
                }
            }
            StateStore<K, S> store = stores.get(r);
            StateUpdate<K, S> staged = store.begin();
            List<KeyValue<K, S>> out = new ArrayList<>(store.size() + values.size());
            store.forEach((k, s) -> apply(k, values.remove(k), Optional.of(s), staged, out));
            values.forEach((k, vs) -> apply(k, vs, Optional.empty(), staged, out));
            run.onCommit(staged::commit);
            return out;
        });
    }

    private void apply(K key, List<V> values, Optional<S> state, StateUpdate<K, S> staged, List<KeyValue<K, S>> out) {
        List<V> newValues = values == null ? List.of() : Collections.unmodifiableList(values);
        Optional<S> next = Objects.requireNonNull(update.apply(newValues, state),
                "the update function returned null; return Optional.empty() to remove a key");
        if (next.isPresent()) {
            staged.put(key, next.get());
            out.add(new KeyValue<>(key, next.get()));
        } else if (state.isPresent()) {
            staged.remove(key);
        }
    }

    /** Map-side grouping of one input partition: values per key, per output partition, in order. */
    private final class Grouper implements Pipe<KeyValue<K, V>> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final Map<K, List<V>>[] buckets = new Map[partitions];

        @Override
        public void accept(KeyValue<K, V> kv) {
            int r = HashPartitioner.partition(kv.key(), partitions);
            Map<K, List<V>> bucket = buckets[r];
            if (bucket == null) {
                bucket = new LinkedHashMap<>();
                buckets[r] = bucket;
            }
            bucket.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(Objects.requireNonNull(kv.value(),
                    "values of update-state must not be null"));
        }

        @Override
        public void end() {
        }
    }
}

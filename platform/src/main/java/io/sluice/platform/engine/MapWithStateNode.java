package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.MappingFunction;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spark's {@code mapWithState}: the elements are hash-partitioned by key; per partition, the
 * function is called for each element in arrival order with the key's {@link KeyState}; then, with
 * a timeout, once for every key whose last data came more than the timeout before this batch's time
 * (Spark's rule: last-active time {@code <} batch time − timeout), after which the key is removed.
 * Keys without data that do not time out are not called.
 *
 * <p>The node's elements are one {@link Result} per partition: the mapped values, and (only if
 * asked for at build time) the snapshot of every key's state after the batch. State lives in one
 * {@link StateStore} per partition and changes only when the batch commits.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 * @param <M> mapped type
 */
public final class MapWithStateNode<K, V, S, M> extends Node<MapWithStateNode.Result<K, S, M>> {
    /**
     * One partition's output of one batch.
     *
     * @param mapped   what the function returned (non-null results), in call order
     * @param snapshot every key's state after the batch, or empty if snapshots were not asked for
     */
    public record Result<K, S, M>(List<M> mapped, List<KeyValue<K, S>> snapshot) {
    }

    /** A key's state and the batch time (ms) it last had data. */
    private record Timed<S>(S state, long activeAt) {
    }

    private final Node<KeyValue<K, V>> parent;
    private final MappingFunction<K, V, S, M> function;
    private final long timeoutMillis;
    private final int partitions;
    private final List<StateStore<K, Timed<S>>> stores;
    private final Map<K, S> initialState;
    private volatile boolean initialLoaded;
    private boolean snapshots;

    /**
     * @param timeoutMillis idle timeout, or 0 for none
     * @param initialState  state the keys start with, loaded with the first batch
     */
    public MapWithStateNode(Node<KeyValue<K, V>> parent, MappingFunction<K, V, S, M> function, long timeoutMillis,
            int partitions, Map<K, S> initialState) {
        super(parent.graph(), "map-with-state", List.of(parent));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.parent = parent;
        this.function = function;
        this.timeoutMillis = timeoutMillis;
        this.partitions = partitions;
        this.stores = InMemoryStateStore.perPartition(partitions);
        this.initialState = Map.copyOf(initialState);
    }

    /** Makes every batch also list each key's state; only before start. */
    public void produceSnapshots() {
        graph().checkBuilding();
        snapshots = true;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    public NodeState state() {
        return new NodeState() {
            @Override
            public String kind() {
                return "map-with-state";
            }

            @Override
            public void write(DataOutput out, ValueCodec values) throws IOException {
                out.writeBoolean(initialLoaded);
                StateStores.write(stores, out, values, timed -> List.of(timed.state(), timed.activeAt()));
            }

            @Override
            @SuppressWarnings("unchecked")
            public void read(DataInput in, ValueCodec values) throws IOException {
                initialLoaded = in.readBoolean();
                StateStores.read(stores, in, values, encoded -> {
                    List<Object> pair = (List<Object>) encoded;
                    return new Timed<>((S) pair.get(0), (Long) pair.get(1));
                });
            }
        };
    }

    @Override
    protected Partitions<Result<K, S, M>> compute(BatchRun run) {
        long now = run.batch().time().toEpochMilli();
        List<Bucketer<K, V>> bucketers = Shuffle.mapSide(parent.partitions(run), run.pool(),
                () -> new Bucketer<>(partitions));
        boolean loadInitial = !initialLoaded && !initialState.isEmpty();
        if (loadInitial) {
            run.onCommit(() -> initialLoaded = true);
        }
        return Shuffle.reduceSide(partitions, run.pool(), r -> List.of(process(run, r, now, bucketers, loadInitial)));
    }

    private Result<K, S, M> process(BatchRun run, int r, long now, List<Bucketer<K, V>> bucketers,
            boolean loadInitial) {
        StateStore<K, Timed<S>> store = stores.get(r);
        StateUpdate<K, Timed<S>> staged = store.begin();
        List<M> mapped = new ArrayList<>();
        Set<K> active = new java.util.LinkedHashSet<>();
        if (loadInitial) {
            initialState.forEach((key, state) -> {
                if (HashPartitioner.partition(key, partitions) == r) {
                    staged.put(key, new Timed<>(state, now));
                    active.add(key);
                }
            });
        }
        for (Bucketer<K, V> b : bucketers) {
            for (KeyValue<K, V> kv : b.bucket(r)) {
                Timed<S> current = staged.get(kv.key());
                KeyState<S> state = new KeyState<>(current == null ? null : current.state(), false);
                emit(mapped, function.call(kv.key(), Optional.of(kv.value()), state));
                active.add(kv.key());
                if (state.removed()) {
                    staged.remove(kv.key());
                } else if (state.exists()) {
                    staged.put(kv.key(), new Timed<>(state.get(), now));
                }
            }
        }
        if (timeoutMillis > 0) {
            long threshold = now - timeoutMillis;
            store.forEach((key, timed) -> {
                if (!active.contains(key) && timed.activeAt() < threshold) {
                    emit(mapped, function.call(key, Optional.empty(), new KeyState<>(timed.state(), true)));
                    staged.remove(key);
                }
            });
        }
        run.onCommit(staged::commit);
        return new Result<>(mapped, snapshots ? snapshot(store, staged, active) : List.of());
    }

    private void emit(List<M> mapped, M result) {
        if (result != null) {
            mapped.add(result);
        }
    }

    /** Every key's state after the batch: committed keys in store order, then new keys. */
    private List<KeyValue<K, S>> snapshot(StateStore<K, Timed<S>> store, StateUpdate<K, Timed<S>> staged,
            Set<K> active) {
        Map<K, S> all = new LinkedHashMap<>();
        store.forEach((key, timed) -> {
            Timed<S> now = staged.get(key);
            if (now != null) {
                all.put(key, now.state());
            }
        });
        for (K key : active) {
            Timed<S> now = staged.get(key);
            if (now != null && !all.containsKey(key)) {
                all.put(key, now.state());
            }
        }
        List<KeyValue<K, S>> out = new ArrayList<>(all.size());
        all.forEach((k, s) -> out.add(new KeyValue<>(k, s)));
        return out;
    }

    /** Map-side bucketing of one input partition by key partition, keeping arrival order. */
    private static final class Bucketer<K, V> implements Pipe<KeyValue<K, V>> {
        private final List<KeyValue<K, V>>[] buckets;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Bucketer(int partitions) {
            this.buckets = new List[partitions];
        }

        @Override
        public void accept(KeyValue<K, V> kv) {
            int r = HashPartitioner.partition(kv.key(), buckets.length);
            if (buckets[r] == null) {
                buckets[r] = new ArrayList<>();
            }
            buckets[r].add(kv);
        }

        List<KeyValue<K, V>> bucket(int r) {
            return buckets[r] == null ? List.of() : buckets[r];
        }

        @Override
        public void end() {
        }
    }
}

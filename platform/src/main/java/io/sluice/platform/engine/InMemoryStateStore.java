package io.sluice.platform.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A {@link StateStore} on the heap: an insertion-ordered map, with a batch's changes staged in a
 * second one. New keys are appended in the order the batch added them; a removed key that comes
 * back is appended again.
 *
 * @param <K> key type
 * @param <S> state type
 */
public final class InMemoryStateStore<K, S> implements StateStore<K, S> {
    private static final Object REMOVED = new Object();

    private final Map<K, S> committed = new LinkedHashMap<>();

    /** One store per partition. */
    public static <K, S> List<StateStore<K, S>> perPartition(int partitions) {
        List<StateStore<K, S>> stores = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            stores.add(new InMemoryStateStore<>());
        }
        return List.copyOf(stores);
    }

    @Override
    public S get(K key) {
        return committed.get(key);
    }

    @Override
    public int size() {
        return committed.size();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super S> action) {
        committed.forEach(action);
    }

    @Override
    public StateUpdate<K, S> begin() {
        return new Staged();
    }

    private final class Staged implements StateUpdate<K, S> {
        private final Map<K, Object> changes = new LinkedHashMap<>();
        private boolean committedOnce;

        @Override
        @SuppressWarnings("unchecked")
        public S get(K key) {
            Object change = changes.get(key);
            if (change == REMOVED) {
                return null;
            }
            return change != null ? (S) change : committed.get(key);
        }

        @Override
        public void put(K key, S state) {
            changes.put(key, Objects.requireNonNull(state, "state must not be null; remove the key instead"));
        }

        @Override
        public void remove(K key) {
            changes.put(key, REMOVED);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void commit() {
            if (committedOnce) {
                throw new IllegalStateException("state update committed twice");
            }
            committedOnce = true;
            changes.forEach((key, change) -> {
                if (change == REMOVED) {
                    committed.remove(key);
                } else {
                    committed.put(key, (S) change);
                }
            });
        }
    }
}

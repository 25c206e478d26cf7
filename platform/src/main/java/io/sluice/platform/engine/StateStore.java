package io.sluice.platform.engine;

import java.util.function.BiConsumer;

/**
 * The committed keyed state of one partition of one stateful step (update-state, keyed operators;
 * later map-with-state and incremental windows). A batch never changes it directly: it stages
 * changes in a {@link StateUpdate} that the engine commits only when the whole batch succeeded, so a
 * retried batch starts from the same state. Used by one thread at a time (the partition's task,
 * then the runner for the commit). Checkpointing will snapshot stores through this interface.
 *
 * @param <K> key type
 * @param <S> state type (never {@code null})
 */
public interface StateStore<K, S> {
    /** The committed state of {@code key}, or {@code null}. */
    S get(K key);

    int size();

    /** Visits the committed entries in a deterministic order (insertion order of the keys). */
    void forEach(BiConsumer<? super K, ? super S> action);

    /** Starts staging one batch attempt's changes. */
    StateUpdate<K, S> begin();
}

package io.sluice.platform.engine;

/**
 * The staged changes of one batch attempt to one {@link StateStore}. Reads see the staged changes
 * over the committed state; nothing reaches the store before {@link #commit()}.
 *
 * @param <K> key type
 * @param <S> state type
 */
public interface StateUpdate<K, S> {
    /** The staged or committed state of {@code key}, or {@code null}. */
    S get(K key);

    void put(K key, S state);

    void remove(K key);

    /** Applies the staged changes to the store; called once. */
    void commit();
}

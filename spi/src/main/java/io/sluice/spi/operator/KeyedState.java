package io.sluice.spi.operator;

import io.sluice.spi.Record;

/**
 * The state a keyed operator keeps for one key, carried from batch to batch and checkpointed by
 * the platform. State values are {@link Record}s so they can be persisted in Sluice's versioned
 * format (field value rules of {@code Record} apply).
 *
 * <pre>{@code
 * Record s = state.get();
 * state.set(Record.builder().field("count", s == null ? 1L : s.getLong("count") + 1).build());
 * }</pre>
 */
public interface KeyedState {
    /** The state of the current key, or {@code null} if it has none. */
    Record get();

    /** Replaces the state of the current key. */
    void set(Record value);

    /** Removes the state of the current key. */
    void clear();
}

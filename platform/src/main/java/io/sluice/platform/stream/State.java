package io.sluice.platform.stream;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key inside a {@link StateSpec mapWithState} function, like Spark's
 * {@code State}: read it, {@link #update} it or {@link #remove} it. Changes are kept only if the
 * batch commits. Valid only during the call it was passed to.
 *
 * <pre>{@code
 * (String user, Optional<Long> clicks, State<Long> total) -> {
 *     if (total.isTimingOut()) {
 *         return user + " left after " + total.get();      // no update: the key is going away
 *     }
 *     long sum = total.getOption().orElse(0L) + clicks.orElse(0L);
 *     total.update(sum);
 *     return user + " " + sum;
 * }
 * }</pre>
 *
 * @param <S> state type
 */
public interface State<S> {
    /** Whether the key has state (not removed in this call). */
    boolean exists();

    /**
     * The state.
     *
     * @throws NoSuchElementException if there is none
     */
    S get();

    /** The state, if any. */
    default Optional<S> getOption() {
        return exists() ? Optional.of(get()) : Optional.empty();
    }

    /**
     * Sets the state (and, with a timeout, marks the key active in this batch).
     *
     * @throws IllegalStateException if the key is timing out or its state was removed in this call
     */
    void update(S newState);

    /**
     * Removes the key's state.
     *
     * @throws IllegalStateException if there is no state, or the key is timing out (it is removed anyway)
     */
    void remove();

    /** Whether this call is the key's last, because it was idle longer than the spec's timeout. */
    boolean isTimingOut();
}

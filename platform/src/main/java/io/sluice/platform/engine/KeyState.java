package io.sluice.platform.engine;

import io.sluice.platform.stream.State;
import java.util.NoSuchElementException;
import java.util.Objects;

/** The {@link State} handed to one call of a mapWithState function. */
final class KeyState<S> implements State<S> {
    private final boolean timingOut;
    private S value;
    private boolean removed;

    KeyState(S value, boolean timingOut) {
        this.value = value;
        this.timingOut = timingOut;
    }

    @Override
    public boolean exists() {
        return value != null;
    }

    @Override
    public S get() {
        if (value == null) {
            throw new NoSuchElementException(removed ? "the state was removed" : "the key has no state");
        }
        return value;
    }

    @Override
    public void update(S newState) {
        Objects.requireNonNull(newState, "state must not be null; use remove()");
        if (timingOut) {
            throw new IllegalStateException("cannot update the state of a key that is timing out");
        }
        if (removed) {
            throw new IllegalStateException("cannot update a state removed in the same call");
        }
        value = newState;
    }

    @Override
    public void remove() {
        if (timingOut) {
            throw new IllegalStateException("cannot remove the state of a key that is timing out: it goes anyway");
        }
        if (value == null) {
            throw new IllegalStateException(removed ? "the state was already removed" : "the key has no state to remove");
        }
        value = null;
        removed = true;
    }

    @Override
    public boolean isTimingOut() {
        return timingOut;
    }

    boolean removed() {
        return removed;
    }
}

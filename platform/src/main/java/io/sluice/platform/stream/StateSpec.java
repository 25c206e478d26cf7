package io.sluice.platform.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PairDStream#mapWithState} does, like Spark's {@code StateSpec}: the mapping function,
 * an optional idle timeout, the number of state partitions and an optional initial state. Immutable; each setter returns a
 * new spec.
 *
 * <pre>{@code
 * StateSpec<String, Long, Long, String> spec = StateSpec.function(sessionFunction)
 *         .timeout(Duration.ofMinutes(30))   // keys without data for 30 min get a last call, then go
 *         .numPartitions(8);
 * MapWithStateDStream<String, Long, Long, String> sessions = clicks.mapWithState(spec);
 * sessions.stateSnapshots().print();
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 * @param <M> mapped type
 */
public final class StateSpec<K, V, S, M> {
    private final MappingFunction<K, V, S, M> function;
    private final Duration timeout;
    private final int partitions;
    private final Map<K, S> initialState;

    private StateSpec(MappingFunction<K, V, S, M> function, Duration timeout, int partitions, Map<K, S> initialState) {
        this.function = Objects.requireNonNull(function, "function");
        this.timeout = timeout;
        this.partitions = partitions;
        this.initialState = initialState;
    }

    public static <K, V, S, M> StateSpec<K, V, S, M> function(MappingFunction<K, V, S, M> function) {
        return new StateSpec<>(function, null, 0, Map.of());
    }

    /**
     * The state keys start with, as of the first batch (which counts as their last activity for
     * the timeout). Keys and states must not be {@code null}; the map is copied.
     */
    public StateSpec<K, V, S, M> initialState(Map<K, S> states) {
        Map<K, S> copy = new LinkedHashMap<>();
        states.forEach((k, s) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(s, "state")));
        return new StateSpec<>(function, timeout, partitions, java.util.Collections.unmodifiableMap(copy));
    }

    /** The state keys start with; empty by default. */
    public Map<K, S> initialState() {
        return initialState;
    }

    /**
     * Keys that received no data for longer than {@code idle} (measured in batch times, which come
     * from the context's clock) are called once more with {@link State#isTimingOut()} and an empty
     * value, then removed. Without a timeout, keys stay until the function removes them.
     */
    public StateSpec<K, V, S, M> timeout(Duration idle) {
        Objects.requireNonNull(idle, "idle");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the state timeout must be positive: " + idle);
        }
        return new StateSpec<>(function, idle, partitions, initialState);
    }

    /** State partitions; default the context's shuffle partitions. */
    public StateSpec<K, V, S, M> numPartitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("numPartitions must be at least 1: " + count);
        }
        return new StateSpec<>(function, timeout, count, initialState);
    }

    public MappingFunction<K, V, S, M> function() {
        return function;
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The partition count, or 0 for the context's default. */
    public int numPartitions() {
        return partitions;
    }
}

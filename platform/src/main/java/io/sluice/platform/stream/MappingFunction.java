package io.sluice.platform.stream;

import java.util.Optional;

/**
 * The function of {@link PairDStream#mapWithState}: called once per element of a batch with its key,
 * its value and the key's {@link State} (elements of one key in arrival order, each seeing the state
 * the previous one left), and once with an empty value for each key that times out. Its result is
 * emitted; {@code null} emits nothing.
 *
 * <pre>{@code
 * MappingFunction<String, Integer, Integer, String> runningSum = (key, value, state) -> {
 *     int sum = state.getOption().orElse(0) + value.orElse(0);
 *     if (!state.isTimingOut()) {
 *         state.update(sum);
 *     }
 *     return key + "=" + sum;
 * };
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 * @param <M> mapped (output) type
 */
@FunctionalInterface
public interface MappingFunction<K, V, S, M> {
    M call(K key, Optional<V> value, State<S> state);
}

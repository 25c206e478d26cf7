package io.sluice.platform.stream;

import io.sluice.platform.engine.NarrowNode;
import io.sluice.platform.engine.ReduceByKeyNode;
import io.sluice.platform.engine.Steps;
import io.sluice.platform.engine.UpdateStateNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stream of {@link KeyValue} pairs with the keyed operations, like Spark's
 * {@code JavaPairDStream}. Keyed steps hash-partition by key into the context's shuffle partitions
 * (or the count given), so keys need value-based {@code hashCode}; values must not be {@code null}.
 *
 * <pre>{@code
 * PairDStream<String, Long> totals = events
 *         .mapToPair(e -> KeyValue.of(e.bus(), e.delta()))
 *         .reduceByKey(Long::sum)                                   // per batch
 *         .updateStateByKey((deltas, total) ->                      // across batches
 *                 Optional.of(total.orElse(0L) + deltas.stream().mapToLong(Long::longValue).sum()));
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PairDStream<K, V> extends DStream<KeyValue<K, V>> {

    PairDStream(StreamingContext context, io.sluice.platform.engine.Node<KeyValue<K, V>> node) {
        super(context, node);
    }

    /** Views a stream of pairs as a pair stream. */
    public static <K, V> PairDStream<K, V> of(DStream<KeyValue<K, V>> stream) {
        return stream instanceof PairDStream<K, V> pairs ? pairs : new PairDStream<>(stream.context, stream.node);
    }

    /**
     * Per batch, combines the values of each key with {@code reduce} (associative; combined
     * map-side before the shuffle). Keys absent from a batch are absent from its output.
     */
    public PairDStream<K, V> reduceByKey(BinaryOperator<V> reduce) {
        return reduceByKey(reduce, context.shufflePartitions());
    }

    /** {@link #reduceByKey(BinaryOperator)} into {@code partitions} partitions. */
    public PairDStream<K, V> reduceByKey(BinaryOperator<V> reduce, int partitions) {
        Objects.requireNonNull(reduce, "reduce");
        return new PairDStream<>(context, new ReduceByKeyNode<>(node, reduce, partitions));
    }

    /**
     * Spark's {@code updateStateByKey}: every batch, {@code update} is called for every key that has
     * state or new values — with the batch's values of the key (in arrival order, empty if none) and
     * its state (empty if none) — and returns the new state; {@link Optional#empty()} removes the key.
     * Each batch outputs the state of every key. State survives across batches (in memory until
     * checkpoints land) and is not changed by a batch that fails. Do not mutate state objects in
     * place: return new ones.
     */
    public <S> PairDStream<K, S> updateStateByKey(BiFunction<List<V>, Optional<S>, Optional<S>> update) {
        return updateStateByKey(update, context.shufflePartitions());
    }

    /** {@link #updateStateByKey(BiFunction)} with state in {@code partitions} partitions. */
    public <S> PairDStream<K, S> updateStateByKey(BiFunction<List<V>, Optional<S>, Optional<S>> update,
            int partitions) {
        Objects.requireNonNull(update, "update");
        return new PairDStream<>(context, new UpdateStateNode<>(node, update, partitions));
    }

    public <W> PairDStream<K, W> mapValues(Function<? super V, ? extends W> function) {
        Objects.requireNonNull(function, "function");
        return new PairDStream<>(context, new NarrowNode<>("map-values", node,
                Steps.map(kv -> new KeyValue<K, W>(kv.key(), function.apply(kv.value())))));
    }

    /** This stream as a plain stream of pairs. */
    public DStream<KeyValue<K, V>> toStream() {
        return new DStream<>(context, node);
    }

    @Override
    public PairDStream<K, V> filter(Predicate<? super KeyValue<K, V>> predicate) {
        return new PairDStream<>(context, filterNode(predicate));
    }

    @Override
    public PairDStream<K, V> union(DStream<KeyValue<K, V>> other) {
        return new PairDStream<>(context, unionNode(other));
    }

    @Override
    public PairDStream<K, V> repartition(int partitions) {
        return new PairDStream<>(context, repartitionNode(partitions));
    }

    @Override
    public PairDStream<K, V> named(String name) {
        super.named(name);
        return this;
    }
}

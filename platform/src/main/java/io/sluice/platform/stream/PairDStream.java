package io.sluice.platform.stream;

import io.sluice.platform.engine.CoGroupNode;
import io.sluice.platform.engine.CombineByKeyNode;
import io.sluice.platform.engine.MapWithStateNode;
import io.sluice.platform.engine.NarrowNode;
import io.sluice.platform.engine.ReduceByKeyNode;
import io.sluice.platform.engine.Steps;
import io.sluice.platform.engine.UpdateStateNode;
import io.sluice.platform.engine.WindowSpan;
import io.sluice.platform.engine.WindowedReduceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Keyed outputs list, per partition, keys in order of first appearance, so results do not depend on
 * the thread count.
 *
 * <p>Joins and {@link #cogroup} combine the two streams' elements of the same batch, both
 * hash-partitioned with the same partitioner; join a stream with a window of another
 * ({@code clicks.join(impressions.window(Duration.ofSeconds(10)))}) to match against the recent
 * past.
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

    /** Per batch, the values of each key, in arrival order (Spark's {@code groupByKey}). */
    public PairDStream<K, List<V>> groupByKey() {
        return groupByKey(context.shufflePartitions());
    }

    /** {@link #groupByKey()} into {@code partitions} partitions. */
    public PairDStream<K, List<V>> groupByKey(int partitions) {
        return this.<List<V>>combineByKey(v -> {
            List<V> list = new ArrayList<>();
            list.add(v);
            return list;
        }, (list, v) -> {
            list.add(v);
            return list;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }, partitions).mapValues(Collections::unmodifiableList);
    }

    /**
     * Spark's {@code combineByKey}, per batch: within each input partition a key's first value
     * becomes a combiner ({@code create}) and later ones are folded in ({@code mergeValue}); after
     * the shuffle, a key's combiners are merged in input-partition order ({@code mergeCombiners}).
     * Combiners are private to the step: the functions may mutate and return them.
     */
    public <C> PairDStream<K, C> combineByKey(Function<? super V, ? extends C> create, BiFunction<C, ? super V, C> mergeValue,
            BinaryOperator<C> mergeCombiners) {
        return combineByKey(create, mergeValue, mergeCombiners, context.shufflePartitions());
    }

    /** {@link #combineByKey(Function, BiFunction, BinaryOperator)} into {@code partitions} partitions. */
    public <C> PairDStream<K, C> combineByKey(Function<? super V, ? extends C> create, BiFunction<C, ? super V, C> mergeValue,
            BinaryOperator<C> mergeCombiners, int partitions) {
        return new PairDStream<>(context, new CombineByKeyNode<>(node, create, mergeValue, mergeCombiners, partitions));
    }

    /** Each value replaced by the values {@code function} returns for it, under the same key. */
    public <W> PairDStream<K, W> flatMapValues(Function<? super V, ? extends Iterable<? extends W>> function) {
        Objects.requireNonNull(function, "function");
        return new PairDStream<>(context, new NarrowNode<>("flat-map-values", node, Steps.flatMap(kv -> {
            List<KeyValue<K, W>> out = new ArrayList<>();
            for (W w : function.apply(kv.value())) {
                out.add(new KeyValue<>(kv.key(), w));
            }
            return out;
        })));
    }

    /**
     * Per batch, the values of each key in this stream and in {@code other} (either may be empty):
     * Spark's {@code cogroup}. Keys: this stream's in order of first appearance, then the other's.
     */
    public <W> PairDStream<K, CoGrouped<V, W>> cogroup(PairDStream<K, W> other) {
        return cogroup(other, context.shufflePartitions());
    }

    /** {@link #cogroup(PairDStream)} into {@code partitions} partitions. */
    public <W> PairDStream<K, CoGrouped<V, W>> cogroup(PairDStream<K, W> other, int partitions) {
        Objects.requireNonNull(other, "other");
        return new PairDStream<>(context, new CoGroupNode<>(node, other.node, partitions));
    }

    /**
     * Per batch, every pair of values of a key present in both streams (Spark's {@code join}): for
     * each key, this stream's values in arrival order, each with every value of {@code other}.
     */
    public <W> PairDStream<K, Joined<V, W>> join(PairDStream<K, W> other) {
        return join(other, context.shufflePartitions());
    }

    /** {@link #join(PairDStream)} into {@code partitions} partitions. */
    public <W> PairDStream<K, Joined<V, W>> join(PairDStream<K, W> other, int partitions) {
        return cogroup(other, partitions).flatMapValues(g -> cross(g.left(), g.right()));
    }

    /** {@link #join}, plus this stream's values whose key {@code other} lacks, with an empty right side. */
    public <W> PairDStream<K, Joined<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
        return leftOuterJoin(other, context.shufflePartitions());
    }

    public <W> PairDStream<K, Joined<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other, int partitions) {
        return cogroup(other, partitions).flatMapValues(g -> g.left().isEmpty() ? List.of()
                : cross(g.left(), optionals(g.right())));
    }

    /** {@link #join}, plus {@code other}'s values whose key this stream lacks, with an empty left side. */
    public <W> PairDStream<K, Joined<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
        return rightOuterJoin(other, context.shufflePartitions());
    }

    public <W> PairDStream<K, Joined<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other, int partitions) {
        return cogroup(other, partitions).flatMapValues(g -> g.right().isEmpty() ? List.of()
                : cross(optionals(g.left()), g.right()));
    }

    /** {@link #join}, plus the values of keys only one side has, with the other side empty. */
    public <W> PairDStream<K, Joined<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
        return fullOuterJoin(other, context.shufflePartitions());
    }

    public <W> PairDStream<K, Joined<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other, int partitions) {
        return cogroup(other, partitions).flatMapValues(g -> cross(optionals(g.left()), optionals(g.right())));
    }

    /**
     * Every {@code slide}, each key's values over the last {@code length} combined with
     * {@code reduce}: each batch is reduced by key, then the window's results (Spark's plain
     * {@code reduceByKeyAndWindow}).
     */
    public PairDStream<K, V> reduceByKeyAndWindow(BinaryOperator<V> reduce, Duration length, Duration slide) {
        return reduceByKeyAndWindow(reduce, length, slide, context.shufflePartitions());
    }

    public PairDStream<K, V> reduceByKeyAndWindow(BinaryOperator<V> reduce, Duration length, Duration slide,
            int partitions) {
        return reduceByKey(reduce, partitions).window(length, slide).reduceByKey(reduce, partitions);
    }

    /** The incremental form without filter; see {@link #reduceByKeyAndWindow(BinaryOperator, BinaryOperator, Duration, Duration, int, Predicate)}. */
    public PairDStream<K, V> reduceByKeyAndWindow(BinaryOperator<V> reduce, BinaryOperator<V> inverse, Duration length,
            Duration slide) {
        return reduceByKeyAndWindow(reduce, inverse, length, slide, context.shufflePartitions(), null);
    }

    /**
     * Spark's incremental {@code reduceByKeyAndWindow}: each key's window value is kept and, every
     * {@code slide}, updated with the batches that entered ({@code reduce}) and those that left
     * ({@code inverse}, which must undo {@code reduce}: {@code inverse(reduce(a, b), b) = a}). Keys
     * stay, e.g. with a count of 0, unless {@code filter} rejects them, which removes them.
     *
     * @param filter which keys are kept, or {@code null} for all
     */
    public PairDStream<K, V> reduceByKeyAndWindow(BinaryOperator<V> reduce, BinaryOperator<V> inverse, Duration length,
            Duration slide, int partitions, Predicate<? super KeyValue<K, V>> filter) {
        Objects.requireNonNull(reduce, "reduce");
        Objects.requireNonNull(inverse, "inverse");
        WindowSpan span = WindowSpan.of(Objects.requireNonNull(length, "length"),
                Objects.requireNonNull(slide, "slide"), node);
        ReduceByKeyNode<K, V> perBatch = new ReduceByKeyNode<>(node, reduce, partitions);
        return new PairDStream<>(context, new WindowedReduceNode<>(perBatch, reduce, inverse, filter, span, partitions));
    }

    /** Every {@code slide}, the values of each key over the last {@code length}, oldest first. */
    public PairDStream<K, List<V>> groupByKeyAndWindow(Duration length, Duration slide) {
        return groupByKeyAndWindow(length, slide, context.shufflePartitions());
    }

    public PairDStream<K, List<V>> groupByKeyAndWindow(Duration length, Duration slide, int partitions) {
        return window(length, slide).groupByKey(partitions);
    }

    /**
     * Spark's {@code mapWithState}: per batch, the spec's function is called for each element with
     * the key's {@link State} (elements of a key in arrival order), and once for each key timing out
     * (see {@link StateSpec#timeout}); keys without new data are not called. The stream holds what
     * the function returned; {@link MapWithStateDStream#stateSnapshots()} is the state of every key.
     * State changes only when the batch commits.
     */
    public <S, M> MapWithStateDStream<K, V, S, M> mapWithState(StateSpec<K, V, S, M> spec) {
        Objects.requireNonNull(spec, "spec");
        int partitions = spec.numPartitions() > 0 ? spec.numPartitions() : context.shufflePartitions();
        long timeout = spec.timeout().map(Duration::toMillis).orElse(0L);
        return new MapWithStateDStream<>(context, new MapWithStateNode<>(node, spec.function(), timeout, partitions,
                spec.initialState()));
    }

    private static <A, B> List<Joined<A, B>> cross(List<A> left, List<B> right) {
        List<Joined<A, B>> out = new ArrayList<>(left.size() * right.size());
        for (A a : left) {
            for (B b : right) {
                out.add(new Joined<>(a, b));
            }
        }
        return out;
    }

    private static <A> List<Optional<A>> optionals(List<A> values) {
        if (values.isEmpty()) {
            return List.of(Optional.empty());
        }
        List<Optional<A>> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(Optional.of(v)));
        return out;
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
    public PairDStream<K, V> window(Duration length) {
        return window(length, slideDuration());
    }

    @Override
    public PairDStream<K, V> window(Duration length, Duration slide) {
        return new PairDStream<>(context, windowNode(length, slide));
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

    @Override
    public PairDStream<K, V> stateKeyedBy(String key) {
        super.stateKeyedBy(key);
        return this;
    }
}

package io.sluice.platform.stream;

import io.sluice.platform.engine.ForeachBatchOutput;
import io.sluice.platform.engine.NarrowNode;
import io.sluice.platform.engine.Node;
import io.sluice.platform.engine.RepartitionNode;
import io.sluice.platform.engine.Steps;
import io.sluice.platform.engine.TransformNode;
import io.sluice.platform.engine.UnionNode;
import io.sluice.platform.engine.WindowNode;
import io.sluice.platform.engine.WindowSpan;
import io.sluice.spi.BatchInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A discretized stream: one immutable, partitioned dataset per batch, like Spark's
 * {@code JavaDStream}. Transformations build new streams lazily; nothing runs until the context
 * starts, and only what an output ({@link #foreachBatch}, {@link #print}, a sink) needs is computed.
 *
 * <p>Narrow steps ({@link #map}, {@link #filter}, {@link #flatMap}, {@link #mapPartitions}, operators)
 * keep the partitioning and are fused into one pass per partition; keyed steps shuffle by key hash.
 * A stream read by several streams or outputs is computed once per batch. Functions run on worker
 * threads, concurrently for different partitions: they must be thread-safe (pure functions are).
 * A function that throws {@link io.sluice.spi.BadRecordException} for one element sends that element
 * to the error reporter and processing goes on; any other exception fails the batch.
 *
 * <p><b>Windows.</b> {@link #window(Duration, Duration)} and the {@code ...ByWindow} operations
 * see the last {@code length} of batches every {@code slide}; both must be multiples of the batch
 * interval (and of the windowed stream's own slide). A windowed stream has a result only every
 * {@code slide}: streams derived from it, and its outputs, run at those batches only (batch ids
 * that are multiples of the slide in batches). Streams combined in one step (union, join,
 * transformWith) must slide alike. The first windows, before {@code length} has passed, hold
 * the batches there are.
 *
 * <pre>{@code
 * DStream<String> words = lines.flatMap(line -> List.of(line.split(" ")));
 * words.filter(w -> !w.isEmpty())
 *      .mapToPair(w -> KeyValue.of(w, 1L))
 *      .reduceByKey(Long::sum)
 *      .print(20);
 * }</pre>
 *
 * @param <T> element type
 */
public class DStream<T> {
    final StreamingContext context;
    final Node<T> node;

    DStream(StreamingContext context, Node<T> node) {
        this.context = Objects.requireNonNull(context, "context");
        this.node = Objects.requireNonNull(node, "node");
    }

    public StreamingContext context() {
        return context;
    }

    /** The stream's name: given with {@link #named}, else its step kind and number ({@code map#3}). */
    public String name() {
        return node.name();
    }

    /** Names this stream in logs, metrics and bad-record reports. Only before start. */
    public DStream<T> named(String name) {
        node.rename(name);
        return this;
    }

    /**
     * For a stateful stream: says what its state is keyed by ({@code "bus"}). A checkpoint keeps
     * it with the state, and a restart refuses to give the state to the stream once it is keyed by
     * something else (keys of one kind would be looked up among keys of another). Only before start.
     */
    public DStream<T> stateKeyedBy(String key) {
        node.describeStateKey(key);
        return this;
    }

    public <R> DStream<R> map(Function<? super T, ? extends R> function) {
        return new DStream<>(context, new NarrowNode<>("map", node, Steps.map(function)));
    }

    public DStream<T> filter(Predicate<? super T> predicate) {
        return new DStream<>(context, filterNode(predicate));
    }

    public <R> DStream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> function) {
        return new DStream<>(context, new NarrowNode<>("flat-map", node, Steps.flatMap(function)));
    }

    /** Calls {@code function} once per partition per batch with the partition's elements, in order. */
    public <R> DStream<R> mapPartitions(Function<? super List<T>, ? extends Iterable<? extends R>> function) {
        return new DStream<>(context, new NarrowNode<>("map-partitions", node, Steps.mapPartitions(function)));
    }

    /** Both streams' elements in each batch: this stream's partitions, then {@code other}'s. */
    public DStream<T> union(DStream<T> other) {
        return new DStream<>(context, unionNode(other));
    }

    /** The time between two results of this stream: the batch interval, or a window's slide. */
    public Duration slideDuration() {
        return context.batchInterval().multipliedBy(node.slideBatches());
    }

    /**
     * Each batch, one element: how many elements the batch has ({@code 0} for an empty batch), as
     * Spark's {@code count()}.
     */
    public DStream<Long> count() {
        NarrowNode<T, Long> perPartition = new NarrowNode<>("count", node, Steps.<T>countPartition());
        return new DStream<>(context, new TransformNode<Long>(List.of(perPartition),
                (batch, inputs) -> List.of(sum(inputs.get(0))), 1));
    }

    /**
     * Each batch, one element: the batch's elements combined with {@code reduce} (associative;
     * partitions are reduced first, then their results in partition order); nothing for an empty
     * batch.
     */
    public DStream<T> reduce(BinaryOperator<T> reduce) {
        Objects.requireNonNull(reduce, "reduce");
        NarrowNode<T, T> perPartition = new NarrowNode<>("reduce", node, Steps.reducePartition(reduce));
        return new DStream<>(context, new TransformNode<T>(List.of(perPartition), (batch, inputs) -> {
            @SuppressWarnings("unchecked")
            List<T> partials = (List<T>) inputs.get(0);
            return partials.isEmpty() ? List.of() : List.of(partials.stream().reduce(reduce).orElseThrow());
        }, 1));
    }

    /** Per batch, each distinct element with the number of times it occurs (Spark's {@code countByValue}). */
    public PairDStream<T, Long> countByValue() {
        return countByValue(context.shufflePartitions());
    }

    /** {@link #countByValue()} into {@code partitions} partitions. */
    public PairDStream<T, Long> countByValue(int partitions) {
        return mapToPair(element -> new KeyValue<T, Long>(element, 1L)).reduceByKey(Long::sum, partitions);
    }

    /**
     * Spark's {@code transform}: {@code function} gets each batch whole (its elements partition
     * after partition) on the batch-runner thread and returns the batch of the new stream, which is
     * cut into the context's shuffle partitions in the order returned.
     */
    public <R> DStream<R> transform(BiFunction<BatchInfo, List<T>, List<R>> function) {
        Objects.requireNonNull(function, "function");
        return new DStream<>(context, new TransformNode<R>(List.of(node), (batch, inputs) -> {
            @SuppressWarnings("unchecked")
            List<T> elements = (List<T>) inputs.get(0);
            return function.apply(batch, elements);
        }, context.shufflePartitions()));
    }

    /** Spark's {@code transformWith}: {@link #transform} over this stream's and {@code other}'s batch. */
    public <U, R> DStream<R> transformWith(DStream<U> other, TransformWithFunction<T, U, R> function) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(function, "function");
        return new DStream<>(context, new TransformNode<R>(List.of(node, other.node), (batch, inputs) -> {
            @SuppressWarnings("unchecked")
            List<T> first = (List<T>) inputs.get(0);
            @SuppressWarnings("unchecked")
            List<U> second = (List<U>) inputs.get(1);
            return function.apply(batch, first, second);
        }, context.shufflePartitions()));
    }

    /** {@link #window(Duration, Duration)} sliding by this stream's slide (each batch, unless windowed before). */
    public DStream<T> window(Duration length) {
        return window(length, slideDuration());
    }

    /**
     * Spark's {@code window}: every {@code slide}, the elements of the last {@code length} of
     * batches, oldest batch first. It is a stream like any other: {@code a.join(b.window(...))}
     * joins each batch of {@code a} with the recent past of {@code b}.
     *
     * @throws IllegalArgumentException if a duration is not a positive multiple of the batch interval
     *                                  (or of this stream's slide); the message names both durations
     */
    public DStream<T> window(Duration length, Duration slide) {
        return new DStream<>(context, windowNode(length, slide));
    }

    /** Every {@code slide}, how many elements the last {@code length} of batches had (0 if none). */
    public DStream<Long> countByWindow(Duration length, Duration slide) {
        return count().window(length, slide).transform((batch, counts) -> List.of(sum(counts)));
    }

    /**
     * Every {@code slide}, the elements of the last {@code length} combined with {@code reduce};
     * nothing for an empty window. As Spark: each batch is reduced, then the window's results.
     */
    public DStream<T> reduceByWindow(BinaryOperator<T> reduce, Duration length, Duration slide) {
        return reduce(reduce).window(length, slide).reduce(reduce);
    }

    /**
     * {@link #reduceByWindow(BinaryOperator, Duration, Duration)} computed incrementally: the
     * previous window's value, {@code inverse}d with the batches that left, {@code reduce}d with
     * those that entered. Once the window had data, an empty window gives the neutral value
     * ({@code inverse(x, x)}), as in Spark.
     */
    public DStream<T> reduceByWindow(BinaryOperator<T> reduce, BinaryOperator<T> inverse, Duration length,
            Duration slide) {
        return mapToPair(element -> new KeyValue<Integer, T>(0, element))
                .reduceByKeyAndWindow(reduce, inverse, length, slide, 1, null)
                .map(KeyValue::value);
    }

    /**
     * Every {@code slide}, each distinct element of the last {@code length} with its count, computed
     * incrementally; elements whose count drops to 0 are removed (Spark's
     * {@code countByValueAndWindow}).
     */
    public PairDStream<T, Long> countByValueAndWindow(Duration length, Duration slide) {
        return countByValueAndWindow(length, slide, context.shufflePartitions());
    }

    /** {@link #countByValueAndWindow(Duration, Duration)} into {@code partitions} partitions. */
    public PairDStream<T, Long> countByValueAndWindow(Duration length, Duration slide, int partitions) {
        return mapToPair(element -> new KeyValue<T, Long>(element, 1L))
                .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, length, slide, partitions, kv -> kv.value() != 0L);
    }

    /** Pairs every element with a key computed from it. */
    public <K> PairDStream<K, T> keyBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return mapToPair(element -> new KeyValue<>(key.apply(element), element));
    }

    public <K, V> PairDStream<K, V> mapToPair(Function<? super T, KeyValue<K, V>> function) {
        return new PairDStream<>(context, new NarrowNode<>("map-to-pair", node, Steps.map(function)));
    }

    /**
     * Spreads each batch evenly over {@code partitions} partitions (element {@code i} of the batch to
     * partition {@code i % partitions}).
     */
    public DStream<T> repartition(int partitions) {
        return new DStream<>(context, repartitionNode(partitions));
    }

    /**
     * Calls {@code action} with each batch's elements (partition after partition) on the
     * batch-runner thread; an output.
     */
    public void foreachBatch(BiConsumer<BatchInfo, List<T>> action) {
        Objects.requireNonNull(action, "action");
        new ForeachBatchOutput<>(node, "foreach-batch(" + node.name() + ")", action);
    }

    /** {@link #print(int) print(10)}. */
    public void print() {
        print(10);
    }

    /** Prints the first {@code num} elements of every batch to standard output, as Spark does. */
    public void print(int num) {
        print(num, System.out);
    }

    /**
     * Prints the first {@code num} elements of every batch in Spark's format: a header with the
     * batch time, one element per line, {@code ...} if there were more, and an empty line.
     *
     * <pre>
     * -------------------------------------------
     * Time: 1732390001000 ms
     * -------------------------------------------
     * (bus-0001,3)
     * ...
     * </pre>
     */
    public void print(int num, PrintStream out) {
        if (num < 1) {
            throw new IllegalArgumentException("print needs a positive count: " + num);
        }
        Objects.requireNonNull(out, "out");
        new ForeachBatchOutput<>(node, "print(" + node.name() + ")",
                (batch, elements) -> out.print(formatForPrint(batch, elements, num)));
    }

    static String formatForPrint(BatchInfo batch, List<?> elements, int num) {
        StringBuilder sb = new StringBuilder();
        String rule = "-------------------------------------------\n";
        sb.append(rule).append("Time: ").append(batch.time().toEpochMilli()).append(" ms\n").append(rule);
        for (int i = 0; i < Math.min(num, elements.size()); i++) {
            sb.append(elements.get(i)).append('\n');
        }
        if (elements.size() > num) {
            sb.append("...\n");
        }
        return sb.append('\n').toString();
    }

    Node<T> filterNode(Predicate<? super T> predicate) {
        return new NarrowNode<>("filter", node, Steps.filter(predicate));
    }

    Node<T> unionNode(DStream<T> other) {
        Objects.requireNonNull(other, "other");
        return new UnionNode<T>(List.of(node, other.node));
    }

    Node<T> windowNode(Duration length, Duration slide) {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(slide, "slide");
        return new WindowNode<>(node, WindowSpan.of(length, slide, node));
    }

    private static long sum(List<?> counts) {
        long total = 0;
        for (Object c : counts) {
            total += (Long) c;
        }
        return total;
    }

    Node<T> repartitionNode(int partitions) {
        return new RepartitionNode<>(node, partitions);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + node.name() + "]";
    }
}

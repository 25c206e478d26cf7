package io.sluice.platform.stream;

import io.sluice.platform.engine.ForeachBatchOutput;
import io.sluice.platform.engine.NarrowNode;
import io.sluice.platform.engine.Node;
import io.sluice.platform.engine.RepartitionNode;
import io.sluice.platform.engine.Steps;
import io.sluice.platform.engine.UnionNode;
import io.sluice.spi.BatchInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
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

    Node<T> repartitionNode(int partitions) {
        return new RepartitionNode<>(node, partitions);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + node.name() + "]";
    }
}

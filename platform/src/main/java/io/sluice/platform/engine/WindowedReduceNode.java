package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.stream.KeyValue;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * Spark's incremental {@code reduceByKeyAndWindow(reduce, inverse, length, slide, partitions,
 * filter)}: the window's value per key is kept as state and, every slide, updated with only the
 * batches that entered the window ({@code reduce}) and those that left it ({@code inverse}), instead
 * of reducing the whole window again.
 *
 * <p>The parent is the per-batch {@code reduceByKey} into the same partitions, so partition
 * {@code r} of every batch and of the state hold the same keys. Per key: no previous value → the
 * reduced new values; else previous, minus what left, plus what entered. Keys keep their value (0
 * for counts) until {@code filter} (optional) rejects them, which removes them; values of a removed
 * key that leave the window later are ignored. Output: every key of the state, in order of first
 * appearance. State and the history of batch results change only when the batch commits.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class WindowedReduceNode<K, V> extends Node<KeyValue<K, V>> {
    private final Node<KeyValue<K, V>> parent;
    private final BinaryOperator<V> reduce;
    private final BinaryOperator<V> inverse;
    private final Predicate<? super KeyValue<K, V>> filter;
    private final int lengthBatches;
    private final int partitions;
    /** Committed per-batch results by batch id (runner thread only). */
    private final TreeMap<Long, Dataset<KeyValue<K, V>>> history = new TreeMap<>();
    private List<Map<K, V>> state;
    private long lastWindowEnd;

    /**
     * @param parent     the per-batch reduction, hash-partitioned into {@code partitions}
     * @param filter     which keys stay, or {@code null} for all
     */
    public WindowedReduceNode(Node<KeyValue<K, V>> parent, BinaryOperator<V> reduce, BinaryOperator<V> inverse,
            Predicate<? super KeyValue<K, V>> filter, WindowSpan span, int partitions) {
        super(parent.graph(), "reduce-by-key-and-window", List.of(parent), span.slideBatches());
        this.parent = parent;
        this.reduce = reduce;
        this.inverse = inverse;
        this.filter = filter;
        this.lengthBatches = span.lengthBatches();
        this.partitions = partitions;
        this.state = emptyState(partitions);
    }

    private static <K, V> List<Map<K, V>> emptyState(int partitions) {
        List<Map<K, V>> maps = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            maps.add(new LinkedHashMap<>());
        }
        return List.copyOf(maps);
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    public NodeState state() {
        return new NodeState() {
            @Override
            public String kind() {
                return "reduce-by-key-and-window";
            }

            @Override
            public void write(DataOutput out, ValueCodec values) throws IOException {
                out.writeLong(lastWindowEnd);
                out.writeInt(history.size());
                for (Map.Entry<Long, Dataset<KeyValue<K, V>>> entry : history.entrySet()) {
                    out.writeLong(entry.getKey());
                    DatasetFormat.write(entry.getValue(), out, values);
                }
                out.writeInt(state.size());
                for (Map<K, V> partition : state) {
                    out.writeInt(partition.size());
                    for (Map.Entry<K, V> e : partition.entrySet()) {
                        values.write(out, e.getKey());
                        values.write(out, e.getValue());
                    }
                }
            }

            @Override
            @SuppressWarnings("unchecked")
            public void read(DataInput in, ValueCodec values) throws IOException {
                lastWindowEnd = in.readLong();
                history.clear();
                int batches = DatasetFormat.nonNegative(in.readInt(), "window batch count");
                for (int i = 0; i < batches; i++) {
                    long id = in.readLong();
                    history.put(id, DatasetFormat.rehash(DatasetFormat.read(in, values), partitions));
                }
                List<Map<K, V>> restored = emptyState(partitions);
                int stored = DatasetFormat.nonNegative(in.readInt(), "state partition count");
                for (int p = 0; p < stored; p++) {
                    int size = DatasetFormat.nonNegative(in.readInt(), "state partition size");
                    for (int i = 0; i < size; i++) {
                        K key = (K) values.read(in);
                        V value = (V) values.read(in);
                        restored.get(HashPartitioner.partition(key, partitions)).put(key, value);
                    }
                }
                state = restored;
            }
        };
    }

    @Override
    protected void advance(BatchRun run) {
        long id = run.batch().id();
        if (parent.isValidAt(id)) {
            Dataset<KeyValue<K, V>> current = parent.dataset(run);
            run.onCommit(() -> {
                history.put(id, current);
                history.headMap(id - lengthBatches - slideBatches(), true).clear();
            });
        }
        if (isValidAt(id)) {
            partitions(run); // the state must see every window, whether an output reads it now or not
        }
    }

    @Override
    protected Partitions<KeyValue<K, V>> compute(BatchRun run) {
        long end = run.batch().id();
        long previousEnd = lastWindowEnd;
        Map<Long, Dataset<KeyValue<K, V>>> batches = new TreeMap<>(history);
        batches.put(end, parent.dataset(run));
        List<Dataset<KeyValue<K, V>>> left = new ArrayList<>();
        List<Dataset<KeyValue<K, V>>> entered = new ArrayList<>();
        batches.forEach((id, dataset) -> {
            boolean inPrevious = id > previousEnd - lengthBatches && id <= previousEnd;
            boolean inCurrent = id > end - lengthBatches && id <= end;
            if (inPrevious && !inCurrent) {
                left.add(dataset);
            } else if (inCurrent && !inPrevious) {
                entered.add(dataset);
            }
        });
        List<Map<K, V>> before = state;
        List<Map<K, V>> after = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            after.add(null);
        }
        Dataset<KeyValue<K, V>> out = Shuffle.reduceSide(partitions, run.pool(), r -> {
            Map<K, V> next = new LinkedHashMap<>(before.get(r));
            Map<K, V> leaving = reduced(left, r);
            Map<K, V> entering = reduced(entered, r);
            leaving.forEach((k, old) -> {
                V previous = next.get(k);
                if (previous != null) {
                    next.put(k, inverse.apply(previous, old));
                }
            });
            entering.forEach((k, v) -> next.merge(k, v, reduce));
            if (filter != null) {
                next.entrySet().removeIf(e -> !filter.test(new KeyValue<>(e.getKey(), e.getValue())));
            }
            after.set(r, next);
            List<KeyValue<K, V>> list = new ArrayList<>(next.size());
            next.forEach((k, v) -> list.add(new KeyValue<>(k, v)));
            return list;
        });
        run.onCommit(() -> {
            state = List.copyOf(after);
            lastWindowEnd = end;
        });
        return out;
    }

    /** Partition {@code r} of the given batch results, reduced per key in batch order. */
    private Map<K, V> reduced(List<Dataset<KeyValue<K, V>>> datasets, int r) {
        Map<K, V> out = new LinkedHashMap<>();
        for (Dataset<KeyValue<K, V>> d : datasets) {
            for (KeyValue<K, V> kv : d.partition(r)) {
                out.merge(kv.key(), kv.value(), reduce);
            }
        }
        return out;
    }
}

package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One attempt at computing one batch: its recorded input, the datasets materialized so far (so a
 * node read by several consumers is computed once), record counts, and the state changes to
 * commit once every output has succeeded. A retry gets a fresh run over the same input, so a failed
 * attempt leaves no trace in keyed state.
 */
public final class BatchRun {
    private final BatchInfo batch;
    private final BatchInput input;
    private final WorkerPool pool;
    private final Map<Node<?>, Dataset<?>> memo = new HashMap<>();
    private final LongAdder recordsIn = new LongAdder();
    private final Map<SourceNode<?>, LongAdder> recordsInBySource = new ConcurrentHashMap<>();
    private final LongAdder recordsOut = new LongAdder();
    private final Queue<Runnable> commits = new ConcurrentLinkedQueue<>();

    public BatchRun(BatchInfo batch, BatchInput input, WorkerPool pool) {
        this.batch = batch;
        this.input = input;
        this.pool = pool;
    }

    public BatchInfo batch() {
        return batch;
    }

    public WorkerPool pool() {
        return pool;
    }

    /** The recorded input of {@code source} for this batch. */
    public <T> Partitions<T> input(SourceNode<T> source) {
        return input.of(source);
    }

    /** The dataset of {@code node} in this batch, computing it on first use (runner thread only). */
    @SuppressWarnings("unchecked")
    <T> Dataset<T> memo(Node<T> node, Supplier<Dataset<T>> compute) {
        Dataset<?> known = memo.get(node);
        if (known == null) {
            known = compute.get();
            memo.put(node, known);
        }
        return (Dataset<T>) known;
    }

    /** Counts records read from {@code source} (thread-safe). */
    public void countIn(SourceNode<?> source, long records) {
        recordsIn.add(records);
        recordsInBySource.computeIfAbsent(source, s -> new LongAdder()).add(records);
    }

    /** Counts elements delivered to outputs (thread-safe). */
    public void countOut(long records) {
        recordsOut.add(records);
    }

    public long recordsIn() {
        return recordsIn.sum();
    }

    /** Records read from {@code source} in this run. */
    public long recordsIn(SourceNode<?> source) {
        LongAdder count = recordsInBySource.get(source);
        return count == null ? 0 : count.sum();
    }

    public long recordsOut() {
        return recordsOut.sum();
    }

    /** Registers a change (a keyed state update) applied only if the whole batch succeeds (thread-safe). */
    public void onCommit(Runnable change) {
        commits.add(change);
    }

    /** Applies the registered changes; called once, on the runner thread, after every output succeeded. */
    void commit() {
        Runnable change;
        while ((change = commits.poll()) != null) {
            change.run();
        }
    }
}

package io.sluice.platform.engine;

/**
 * The partitions of one node's output in one batch, ready to be pushed: either materialized (a
 * {@link Dataset}) or lazy (a source's splits, a fused chain over a parent's partitions). Pushing
 * different partitions concurrently from worker threads is allowed; each partition is pushed at
 * most once per batch attempt unless the node is materialized.
 *
 * @param <T> element type
 */
public interface Partitions<T> {
    /** How many partitions there are. */
    int count();

    /** Pushes every element of {@code partition} to {@code out}, then calls {@code out.end()}. */
    void push(int partition, Pipe<? super T> out);
}

package io.sluice.platform.engine;

/**
 * A per-element transformation fused into the pass over a partition (map, filter, flat-map,
 * map-partitions, SPI operators): it wraps the downstream pipe into the pipe its input is pushed
 * to. {@link #wrap} is called once per partition per batch attempt, on that partition's worker
 * thread.
 *
 * @param <I> input element type
 * @param <O> output element type
 */
@FunctionalInterface
public interface NarrowStep<I, O> {
    Pipe<I> wrap(Pipe<? super O> out, PartitionContext context);

    /** Opens the component behind the step, if any (once, before the first batch). */
    default void open(ComponentEnvironment environment, String nodeName) {
    }

    default void close() {
    }

    /** What the step keeps across batches (a keyed operator's state), or {@code null}. */
    default NodeState state() {
        return null;
    }
}

package io.sluice.platform.engine;

/**
 * The push-based consumer that fused steps are composed of: a partition's elements are pushed one
 * by one through a chain of pipes (map, filter, operator, ...) into a terminal pipe (a list, a
 * map-side combiner, a shuffle bucket) without intermediate collections. One pipe chain serves one
 * partition of one batch on one thread; pipes are not thread-safe.
 *
 * <p>Protocol: {@link #accept} zero or more times, then {@link #end()} exactly once. A pipe that
 * wraps another forwards {@code end()} after flushing what it buffered.
 *
 * @param <T> element type
 */
public interface Pipe<T> {
    void accept(T element);

    /** The partition has no more elements. */
    void end();
}

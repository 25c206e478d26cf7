package io.sluice.spi.source;

import io.sluice.spi.BatchInfo;
import java.util.List;

/**
 * Decides what each batch of a {@link ReplayableSource} reads. Called only from the scheduler
 * thread, one batch at a time, in batch order: no synchronisation needed.
 *
 * <p>The planner keeps a <em>position</em> (next file offset, next event number, next Kafka
 * offsets). {@link #plan} returns the splits of one batch and advances the position past them.
 * The platform checkpoints {@link #position()} and hands it back through {@link #restore} after a
 * restart, so planning continues where it stopped; recorded batches are re-read from their
 * recorded splits, not planned again.
 *
 * <pre>{@code
 * public List<Range> plan(BatchInfo batch, long maxRecords) {
 *     long end = Math.min(next + Math.min(perBatch, maxRecords), limit);
 *     List<Range> splits = Range.cut(next, end, partitions);
 *     next = end;
 *     return splits;
 * }
 * }</pre>
 *
 * @param <S> the split type
 */
public interface SplitPlanner<S> extends AutoCloseable {
    /**
     * The splits for {@code batch}; an empty list when there is no new input (the batch still
     * runs). May block briefly for metadata (listing files, fetching end offsets) but should return
     * well within the batch interval.
     *
     * @param maxRecords an upper bound on records to plan for this batch, set by rate control
     *                   ({@link Long#MAX_VALUE} when unlimited); honour it where the source can
     */
    List<S> plan(BatchInfo batch, long maxRecords);

    /** The current position, encoded with the planner's own versioned format. */
    byte[] position();

    /** Resets the position to one returned earlier by {@link #position()}. Called before any {@link #plan}. */
    void restore(byte[] position);

    /** All outputs of {@code batch} are written: commit offsets upstream if the source has a notion of it. */
    default void batchCompleted(BatchInfo batch) {
    }

    /**
     * Whether this source is bounded and has planned all its input. When every source of a
     * pipeline is exhausted, the pipeline finishes its last batch and stops.
     */
    default boolean exhausted() {
        return false;
    }

    @Override
    default void close() {
    }
}

package io.sluice.spi.operator;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import java.util.List;

/**
 * A step over whole batches: Spark Streaming's {@code transform} (and, with a second stream,
 * {@code transformWith}). Where an {@link Operator} sees one record at a time, a batch transform
 * gets each batch's records at once and returns the records of the batch of its stream: sort,
 * top-n, deduplicate, sample, or anything that needs the whole batch.
 *
 * <p><b>Calls.</b> {@link #open} once before the first batch; then, once per batch (also for an
 * empty batch), {@link #transform} &mdash; or {@link #transformWith} when the step names a second
 * stream with {@link BatchTransformFactory#WITH} &mdash; on the engine's batch thread, never
 * concurrently; {@link #close} once at stop. A batch that fails is computed again, so the result
 * must depend only on the batch and the input (no state carried between calls that the engine
 * does not checkpoint). The input lists hold the batch's records partition after partition, in
 * order, and must not be modified; the returned list (which may be one of them) is split into the
 * stream's partitions in order.
 *
 * <p><b>Errors.</b> A record that cannot be processed goes to {@code context.errors()} and is left
 * out; an exception thrown fails the batch (which is retried, then fails the pipeline).
 *
 * <pre>{@code
 * final class TopN implements BatchTransform {
 *     private final String field;
 *     private final int n;
 *     public List<Record> transform(BatchInfo batch, List<Record> records) {
 *         return records.stream()
 *                 .sorted(Comparator.comparingLong((Record r) -> r.getLong(field)).reversed())
 *                 .limit(n)
 *                 .toList();
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface BatchTransform extends AutoCloseable {
    /** Called once before the first batch, on the scheduler thread. */
    default void open(ComponentContext context) {
    }

    /**
     * The records of this step's stream for one batch, computed from the batch's input records.
     *
     * @param batch   the batch
     * @param records the input batch, partition after partition; do not modify
     * @return the output batch, never {@code null} (an empty list for none)
     */
    List<Record> transform(BatchInfo batch, List<Record> records);

    /**
     * Spark's {@code transformWith}: the output batch computed from this stream's batch and the
     * same batch of the stream named by {@link BatchTransformFactory#WITH}. Called instead of
     * {@link #transform} when the step's configuration names one; by default refused.
     *
     * @param records the batch of this step's stream; do not modify
     * @param other   the same batch of the other stream; do not modify
     * @return the output batch, never {@code null}
     */
    default List<Record> transformWith(BatchInfo batch, List<Record> records, List<Record> other) {
        throw new SluiceException(getClass().getName() + " does not combine two streams: remove '"
                + BatchTransformFactory.WITH.name() + "' from the step, or implement transformWith");
    }

    /** Releases resources; called once. */
    @Override
    default void close() {
    }
}

package io.sluice.spi.sink;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import java.util.List;

/**
 * Writes a stream's output, batch by batch.
 *
 * <p>Per batch, the engine calls {@link #write} once for each partition of the output (from worker
 * threads, concurrently for different partitions), then {@link #commit} once from the scheduler
 * thread after every {@code write} of that batch returned. A batch interrupted by a crash is
 * written again with the same {@link BatchInfo#id()} and the same records: a sink that wants
 * exactly-once output makes {@code write}+{@code commit} idempotent per batch id or transactional.
 * A sink that throws fails the batch; the engine retries it.
 *
 * <pre>{@code
 * public void write(BatchInfo batch, int partition, List<Record> records) {
 *     Path tmp = dir.resolve(".batch-" + batch.id() + "-" + partition + ".tmp");
 *     writeLines(tmp, records);
 * }
 * public void commit(BatchInfo batch) {
 *     moveAtomically(tmpFilesOf(batch), dir.resolve("batch-" + batch.id() + ".jsonl"));
 * }
 * }</pre>
 */
public interface Sink extends AutoCloseable {
    /** Connects; called once before the first write, on the scheduler thread. */
    void open(ComponentContext context);

    /**
     * Writes one partition of a batch's output. {@code records} is in the partition's order and
     * must not be modified; it is valid only during the call. Called with an empty list for empty
     * partitions.
     */
    void write(BatchInfo batch, int partition, List<Record> records);

    /** Makes the batch's writes visible/durable; called after all partitions were written. */
    default void commit(BatchInfo batch) {
    }

    /** Flushes and disconnects; called once. */
    @Override
    void close();
}

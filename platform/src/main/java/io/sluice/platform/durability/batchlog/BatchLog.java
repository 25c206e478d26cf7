package io.sluice.platform.durability.batchlog;

import java.util.List;

/**
 * A durable record of which batches the engine started and which it finished.
 *
 * <pre>{@code
 * try (BatchLog log = FileBatchLog.open(checkpointDir.resolve("batches"))) {
 *     for (LoggedBatch b : log.recover()) {
 *         if (!b.completed()) rerun(b.batchId(), decode(b.description()));
 *     }
 *     log.append(7, encode(batch7));      // durable before batch 7 is computed
 *     writeOutputs(batch7);
 *     log.complete(7);                    // durable before batch 7 counts as done
 *     log.deleteUpTo(checkpoint.batchId()); // once a checkpoint covers batches <= it
 * }
 * }</pre>
 *
 * <p>Methods are called by the engine's scheduler; implementations are thread-safe but expect no
 * concurrency to speak of (a few batches per second). Failures are {@link
 * io.sluice.platform.durability.StorageException}s.
 */
public interface BatchLog extends AutoCloseable {
    /** Appends batch {@code batchId}'s description (opaque bytes the engine encodes) and returns once it is fsynced. Batch ids strictly increase. */
    void append(long batchId, byte[] description);

    /** Marks batch {@code batchId} complete (its outputs are written), durably. */
    void complete(long batchId);

    /** Everything logged, in batch order, each with whether it was marked complete. Read at open (recovery). */
    List<LoggedBatch> recover();

    /** Batches {@code <= batchId} are covered by a checkpoint: their entries may be deleted (whole segments). */
    void deleteUpTo(long batchId);

    @Override
    void close();
}

package io.sluice.platform.engine;

import java.util.Map;

/**
 * A batch waiting to be run: its id, its time, and its input so far. A batch cut by the clock
 * carries what each receiver had stored by then; a batch recovered from the batch log carries its
 * recorded input and whether its outputs must be written (it was not complete) or only its state
 * rebuilt (it was complete, but after the last checkpoint). {@link #END} tells the runner that no
 * batch follows.
 *
 * @param batchId      the batch id, from 1
 * @param timeMillis   the batch time
 * @param blocks       per receiver source, the entries drained from its buffer at the batch time
 * @param recorded     the input read back from the batch log, or {@code null} for a new batch
 * @param writeOutputs whether outputs run (false only for completed batches replayed for state)
 * @param failure      why no batch could be cut (a receiver's write-ahead log failed), or {@code null}
 */
public record Tick(long batchId, long timeMillis, Map<ReceiverSourceNode, ReceivedBlock> blocks,
        BatchInput recorded, boolean writeOutputs, Throwable failure) {
    /** The end marker (compared by identity). */
    static final Tick END = new Tick(0, 0, Map.of(), null, true, null);

    /** A new batch cut by the clock. */
    static Tick cut(long batchId, long timeMillis, Map<ReceiverSourceNode, ReceivedBlock> blocks) {
        return new Tick(batchId, timeMillis, blocks, null, true, null);
    }

    /** A batch of the batch log, re-run at restart. */
    static Tick replay(long batchId, long timeMillis, BatchInput recorded, boolean writeOutputs) {
        return new Tick(batchId, timeMillis, Map.of(), recorded, writeOutputs, null);
    }

    /** Batch {@code batchId} could not be cut: the runner stops the pipeline with {@code failure}. */
    static Tick failed(long batchId, long timeMillis, Throwable failure) {
        return new Tick(batchId, timeMillis, Map.of(), null, false, failure);
    }

    /** What {@code source} stored for this batch. */
    public ReceivedBlock block(ReceiverSourceNode source) {
        return blocks.getOrDefault(source, ReceivedBlock.EMPTY);
    }

    /** Whether this batch was logged before (a replay at restart). */
    boolean replayed() {
        return recorded != null;
    }
}

/**
 * The batch log (DESIGN §5): before the engine computes batch {@code t} it appends the batch's
 * description (its splits and WAL ranges, encoded by the engine) durably, and after the batch's
 * outputs are written it appends a completion mark. On restart, {@link
 * io.sluice.platform.durability.batchlog.BatchLog#recover()} lists every logged batch with whether it
 * completed, so the engine re-runs the incomplete ones from their recorded input.
 *
 * <p>{@link io.sluice.platform.durability.batchlog.BatchLog} is the small interface a Kafka-backed
 * implementation (a compacted topic, DESIGN §6) can slot in behind;
 * {@link io.sluice.platform.durability.batchlog.FileBatchLog} keeps it in a local
 * {@link io.sluice.platform.durability.log.SegmentedLog}.
 */
package io.sluice.platform.durability.batchlog;

/**
 * Checkpoints (DESIGN §5): snapshots of keyed state, window contents and source positions taken
 * after a batch, each written atomically (temp file, fsync, rename, fsync of the directory) in a
 * versioned, checksummed file, so a restart loads the newest one that is whole and re-runs the
 * batches logged since.
 *
 * <p>{@link io.sluice.platform.durability.checkpoint.CheckpointStore} is the small interface a
 * Kafka-backed store can slot in behind (DESIGN §6);
 * {@link io.sluice.platform.durability.checkpoint.FileCheckpointStore} keeps checkpoints as files
 * {@code checkpoint-<20-digit batch id>.ckpt} in one directory. The payload is opaque bytes encoded
 * by the engine (with the codecs of {@code durability.codec}).
 */
package io.sluice.platform.durability.checkpoint;

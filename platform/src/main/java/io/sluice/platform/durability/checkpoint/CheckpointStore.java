package io.sluice.platform.durability.checkpoint;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the engine keeps its checkpoints.
 *
 * <pre>{@code
 * CheckpointStore store = FileCheckpointStore.open(checkpointDir.resolve("checkpoints"), 2);
 * Optional<StoredCheckpoint> restored = store.latest();          // at start
 * store.write(batchId, encode(state, positions));                // every K batches
 * store.oldestRetained().ifPresent(batchLog::deleteUpTo);        // logs before it are not needed
 * }</pre>
 *
 * <p>Called from the engine's scheduler thread; implementations are thread-safe. Failures are
 * {@link io.sluice.platform.durability.StorageException}s.
 */
public interface CheckpointStore {
    /** Writes a checkpoint taken after batch {@code batchId} atomically: temp file, fsync, rename, fsync the directory. Keeps the newest {@code retain} (default 2) and deletes older ones. */
    void write(long batchId, byte[] checkpoint);

    /** The newest readable checkpoint; a corrupt newer one (CRC mismatch, truncated) is skipped with a WARN naming the file. */
    Optional<StoredCheckpoint> latest();

    /** Batch id of the oldest checkpoint kept (logs may be deleted only up to it), or empty. */
    OptionalLong oldestRetained();
}

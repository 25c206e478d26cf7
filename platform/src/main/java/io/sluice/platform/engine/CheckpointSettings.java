package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.durability.wal.Durability;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a context makes its work survive a crash.
 *
 * @param directory        where the batch log, checkpoints and receivers' write-ahead logs live
 * @param intervalBatches  a checkpoint every this many batches (and at a graceful stop)
 * @param walDurability    when a receiver's {@code store} returns: after fsync, after the write to
 *                         the OS, or at once without a log (receiver data is then lost in a crash)
 * @param skipCorruptWal   whether a corrupt write-ahead-log entry is skipped (and reported)
 *                         instead of stopping the pipeline
 * @param values           encodes keyed state and window contents
 */
public record CheckpointSettings(Path directory, int intervalBatches, Durability walDurability,
        boolean skipCorruptWal, ValueCodec values) {

    public CheckpointSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(walDurability, "walDurability");
        Objects.requireNonNull(values, "values");
        if (intervalBatches < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 batch: " + intervalBatches);
        }
    }

    /** Checkpoints every 10 batches, fsync'ed write-ahead logs, built-in value types. */
    public static CheckpointSettings in(Path directory) {
        return new CheckpointSettings(directory, 10, Durability.FSYNC, false, ValueCodec.standard());
    }
}

package io.sluice.platform.durability.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint read back: the batch it was taken after, its payload, and the file it came from
 * (for messages).
 *
 * <pre>{@code
 * store.latest().ifPresent(c -> engine.restore(c.batchId(), decode(c.data())));
 * }</pre>
 */
public record StoredCheckpoint(long batchId, byte[] data, Path file) {}

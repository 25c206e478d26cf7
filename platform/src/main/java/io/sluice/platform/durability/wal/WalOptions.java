package io.sluice.platform.durability.wal;

import io.sluice.platform.durability.log.LogOptions;

/**
 * How a {@link FileWriteAheadLog} writes and recovers.
 *
 * <pre>{@code
 * WalOptions options = WalOptions.defaults().withDurability(Durability.OS_BUFFER).withSkipCorrupt(true);
 * }</pre>
 *
 * @param durability what {@link WriteAheadLog#awaitDurable} guarantees
 * @param segmentSize bytes past which the log rolls to a new segment file
 * @param skipCorrupt whether corrupt entries found at open are skipped (reported) instead of failing the open
 * @param maxQueuedBytes entry bytes that may wait for the writer before {@link WriteAheadLog#append} blocks
 */
public record WalOptions(Durability durability, long segmentSize, boolean skipCorrupt, long maxQueuedBytes) {
    public WalOptions {
        if (durability == null) {
            throw new IllegalArgumentException("durability must be given");
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("max queued bytes must be positive, was " + maxQueuedBytes);
        }
        new LogOptions(segmentSize, skipCorrupt); // validates the segment size
    }

    /** FSYNC, 64 MiB segments, corruption fails the open, 32 MiB queued at most. */
    public static WalOptions defaults() {
        return new WalOptions(Durability.FSYNC, LogOptions.DEFAULT_SEGMENT_SIZE, false, 32L << 20);
    }

    public WalOptions withDurability(Durability d) {
        return new WalOptions(d, segmentSize, skipCorrupt, maxQueuedBytes);
    }

    public WalOptions withSegmentSize(long bytes) {
        return new WalOptions(durability, bytes, skipCorrupt, maxQueuedBytes);
    }

    public WalOptions withSkipCorrupt(boolean skip) {
        return new WalOptions(durability, segmentSize, skip, maxQueuedBytes);
    }

    public WalOptions withMaxQueuedBytes(long bytes) {
        return new WalOptions(durability, segmentSize, skipCorrupt, bytes);
    }

    LogOptions logOptions() {
        return new LogOptions(segmentSize, skipCorrupt);
    }
}

package io.sluice.platform.durability.log;

/**
 * How a {@link SegmentedLog} is laid out and recovered.
 *
 * <pre>{@code
 * SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults().withSegmentSize(1 << 20));
 * }</pre>
 *
 * @param segmentSize the size in bytes past which the writer rolls to a new segment (a segment may
 *     exceed it by one entry); at least 1 KiB
 * @param skipCorrupt whether corrupt entries in the middle of the log are skipped (with a warning,
 *     counted in the {@link RecoveryReport}) instead of failing the open
 */
public record LogOptions(long segmentSize, boolean skipCorrupt) {
    public static final long DEFAULT_SEGMENT_SIZE = 64L * 1024 * 1024;

    public LogOptions {
        if (segmentSize < 1024) {
            throw new IllegalArgumentException("segment size must be at least 1024 bytes, was " + segmentSize);
        }
    }

    /** 64 MiB segments; corruption fails the open. */
    public static LogOptions defaults() {
        return new LogOptions(DEFAULT_SEGMENT_SIZE, false);
    }

    public LogOptions withSegmentSize(long bytes) {
        return new LogOptions(bytes, skipCorrupt);
    }

    public LogOptions withSkipCorrupt(boolean skip) {
        return new LogOptions(segmentSize, skip);
    }
}

package io.sluice.platform.durability.log;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link SegmentedLog#open} found and repaired; each item was also logged as a warning.
 *
 * <pre>{@code
 * RecoveryReport report = log.recoveryReport();
 * metrics.counter("wal.corrupt-skipped").add(report.skippedEntries());
 * }</pre>
 *
 * @param tornTail the tail cut from the last segment, if it was torn
 * @param skippedEntries how many entries were skipped as corrupt (only with {@code skipCorrupt})
 * @param skipped one message per corrupt region skipped, naming segment, offset and sequences
 */
public record RecoveryReport(Optional<TornTail> tornTail, long skippedEntries, List<String> skipped) {
    public RecoveryReport {
        skipped = List.copyOf(skipped);
    }

    /** Nothing found: a clean shutdown, or a new log. */
    public static RecoveryReport clean() {
        return new RecoveryReport(Optional.empty(), 0, List.of());
    }

    /** {@code bytesCut} bytes from {@code offset} on were cut off {@code segment}. */
    public record TornTail(Path segment, long offset, long bytesCut) {}
}

/**
 * A segmented, append-only, checksummed log on local disk: the storage under the write-ahead log
 * ({@code durability.wal}) and the batch log ({@code durability.batchlog}) — internal, not API.
 *
 * <p><b>Files.</b> A log is a directory of segment files named after the sequence of their first
 * entry, {@code 00000000000000000042.seg}. A segment starts with a 16-byte header (magic
 * {@code SLCE}, format version, first sequence) followed by frames: {@code int length},
 * {@code int CRC32C} over the four length bytes and the payload, the payload. Entries are numbered
 * by a {@code long} sequence, contiguous across segments; the writer rolls to a new segment once
 * the current one reaches {@link io.sluice.platform.durability.log.LogOptions#segmentSize()}.
 *
 * <p><b>Recovery.</b> {@link io.sluice.platform.durability.log.SegmentedLog#open} scans every
 * segment. A torn tail of the last segment (a frame cut short by a crash, or a bad last frame with
 * nothing valid after it) is cut off with a warning; a bad frame anywhere else is corruption and
 * fails the open with the segment and byte offset, unless the log is opened with
 * {@code skipCorrupt}, in which case the entry is skipped and reported.
 *
 * <p><b>Threads.</b> One writer appends and forces; any number of threads read the entries
 * already written, concurrently with the writer. {@link io.sluice.platform.durability.log.DurableFiles}
 * holds the fsync-the-directory and write-then-rename helpers the other stores share.
 */
package io.sluice.platform.durability.log;

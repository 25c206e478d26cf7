package io.sluice.platform.durability.log;

import static io.sluice.platform.durability.log.SegmentFormat.FRAME_HEADER_SIZE;
import static io.sluice.platform.durability.log.SegmentFormat.HEADER_SIZE;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Recovery of one segment at open: checks its header and every frame, builds its index, and decides
 * what a bad frame is. In the last segment a bad frame with no valid frame after it is a torn tail,
 * to be cut at {@link Result#validEnd()}; anywhere else it is corruption, which fails the scan unless
 * {@code skipCorrupt}. A skipped entry whose length field is intact costs one sequence; a corrupt
 * length field makes the rest of its segment unnumberable, so that rest is dropped with it.
 */
final class SegmentScanner {
    private final Path file;
    private final long firstSequence;
    private final long nextSegmentFirst; // -1 for the last segment
    private final boolean skipCorrupt;
    private final SparseIndex index = new SparseIndex();
    private final TreeMap<Long, Long> skipped = new TreeMap<>();
    private final List<String> messages = new ArrayList<>();
    private long skippedEntries;

    /** What the scan found; {@code validEnd} is where the good data ends (the file is longer if torn). */
    record Result(Segment segment, long endSequence, long validEnd, long skippedEntries, List<String> skipped) {}

    private SegmentScanner(Path file, long firstSequence, long nextSegmentFirst, boolean skipCorrupt) {
        this.file = file;
        this.firstSequence = firstSequence;
        this.nextSegmentFirst = nextSegmentFirst;
        this.skipCorrupt = skipCorrupt;
    }

    /** Scans {@code file}; {@code nextSegmentFirst} is the next segment's first sequence, or -1 if this is the last. */
    static Result scan(Path file, long firstSequence, long nextSegmentFirst, boolean skipCorrupt) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new SegmentScanner(file, firstSequence, nextSegmentFirst, skipCorrupt).scan(channel);
        } catch (IOException e) {
            throw new StorageException("reading segment " + file + " failed: " + e.getMessage(), e);
        }
    }

    private Result scan(FileChannel channel) throws IOException {
        boolean last = nextSegmentFirst < 0;
        long size = channel.size();
        index.add(firstSequence, HEADER_SIZE);
        if (size < HEADER_SIZE) {
            if (last) {
                return result(firstSequence, 0); // created but its header never fully written
            }
            String where = "segment " + file + " is shorter than its header: " + size + " bytes at offset 0";
            corrupt(where, firstSequence);
            skip(firstSequence, nextSegmentFirst, where + "; entries " + firstSequence + " to "
                    + (nextSegmentFirst - 1) + " are dropped");
            return result(nextSegmentFirst, size);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            // a regular file of at least HEADER_SIZE bytes fills it
        }
        if (last && SegmentFormat.isTornHeader(header, firstSequence)) {
            return result(firstSequence, 0);
        }
        SegmentFormat.checkHeader(header, file, firstSequence);
        FrameReader frames = new FrameReader(channel, file);
        long pos = HEADER_SIZE;
        long sequence = firstSequence;
        while (pos < size) {
            int length = frames.validFrameAt(pos, size);
            if (length >= 0) {
                index.maybeAdd(sequence, pos);
                pos += FRAME_HEADER_SIZE + length;
                sequence++;
                continue;
            }
            boolean validFollows = frames.nextValidFrame(pos + 1, size) >= 0;
            if (last && !validFollows) {
                return result(sequence, pos); // torn tail
            }
            String where = "corrupt entry in segment " + file + " at offset " + pos + " (sequence " + sequence + ")";
            int claimed = frames.claimedLength(pos, size);
            long after = claimed < 0 ? -1 : pos + FRAME_HEADER_SIZE + claimed;
            if (after >= 0 && (after == size || frames.validFrameAt(after, size) >= 0)) {
                corrupt(where, sequence);
                skip(sequence, sequence + 1, where);
                pos = after;
                sequence++;
                index.add(sequence, pos);
            } else if (last) {
                corrupt(where, sequence);
                // cut, not skipped: the next append reuses this sequence
                skippedEntries++;
                messages.add(where + "; its length is unreadable, so the " + (size - pos)
                        + " bytes from there to the end of the segment, holding an unknown number of entries, are cut");
                return result(sequence, pos);
            } else {
                corrupt(where, sequence);
                skip(sequence, nextSegmentFirst, where + "; its length is unreadable, so entries " + sequence
                        + " to " + (nextSegmentFirst - 1) + " (the rest of the segment) are dropped");
                return result(nextSegmentFirst, size);
            }
        }
        if (!last && sequence != nextSegmentFirst) {
            String gap = "segment " + file + " ends at offset " + size + " before sequence " + sequence
                    + " but the next segment starts at sequence " + nextSegmentFirst;
            if (sequence > nextSegmentFirst) {
                throw new StorageException(gap + ": the segments overlap");
            }
            corrupt(gap, sequence);
            skip(sequence, nextSegmentFirst, gap + ": entries are missing");
            sequence = nextSegmentFirst;
        }
        return result(sequence, pos);
    }

    /** Throws unless corrupt entries are to be skipped. */
    private void corrupt(String message, long sequence) {
        if (!skipCorrupt) {
            throw new StorageException(message);
        }
    }

    private void skip(long from, long to, String message) {
        skipped.put(from, to);
        skippedEntries += to - from;
        messages.add(message);
    }

    private Result result(long endSequence, long validEnd) {
        Segment segment = new Segment(file, firstSequence, index, skipped);
        return new Result(segment, endSequence, validEnd, skippedEntries, messages);
    }
}

package io.sluice.platform.durability.log;

import static io.sluice.platform.durability.log.SegmentFormat.FRAME_HEADER_SIZE;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One segment file: its first sequence, its sparse index, and the sequences recovery skipped as
 * corrupt. Reads open their own channel, so they run concurrently with the writer and with each other.
 */
final class Segment {
    final Path file;
    final long firstSequence;
    final SparseIndex index;
    /** Skipped sequence ranges, start to end (exclusive); empty unless opened with skipCorrupt. */
    private final NavigableMap<Long, Long> skipped;

    Segment(Path file, long firstSequence, SparseIndex index, NavigableMap<Long, Long> skipped) {
        this.file = file;
        this.firstSequence = firstSequence;
        this.index = index;
        this.skipped = skipped;
    }

    static Segment empty(Path file, long firstSequence) {
        SparseIndex index = new SparseIndex();
        index.add(firstSequence, SegmentFormat.HEADER_SIZE);
        return new Segment(file, firstSequence, index, new TreeMap<>());
    }

    boolean isSkipped(long sequence) {
        if (skipped.isEmpty()) {
            return false;
        }
        Map.Entry<Long, Long> range = skipped.floorEntry(sequence);
        return range != null && sequence < range.getValue();
    }

    /** Reads entries {@code [from, to)}, all of which lie in this segment and are completely written. */
    void read(long from, long to, EntryConsumer consumer) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FrameReader frames = new FrameReader(channel, file);
            long limit = channel.size();
            int point = index.floor(from);
            long sequence = index.sequenceAt(point);
            long pos = index.offsetAt(point);
            int next = point + 1;
            while (sequence < to) {
                if (next < index.size() && index.sequenceAt(next) == sequence) {
                    pos = index.offsetAt(next++);
                }
                if (isSkipped(sequence)) {
                    sequence++;
                    continue;
                }
                int length = frames.validFrameAt(pos, limit);
                if (length < 0) {
                    throw new StorageException("corrupt entry in segment " + file + " at offset " + pos
                            + " (sequence " + sequence + ")");
                }
                if (sequence >= from) {
                    consumer.accept(sequence, frames.payload(pos, length));
                }
                pos += FRAME_HEADER_SIZE + length;
                sequence++;
            }
        } catch (NoSuchFileException e) {
            throw new StorageException("entry " + from + " was deleted: segment " + file + " no longer exists", e);
        } catch (IOException e) {
            throw new StorageException("reading segment " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}

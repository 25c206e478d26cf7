package io.sluice.platform.durability.log;

import static io.sluice.platform.durability.log.SegmentFormat.FRAME_HEADER_SIZE;
import static io.sluice.platform.durability.log.SegmentFormat.HEADER_SIZE;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;

/**
 * A segmented, append-only, framed log in one directory (format: see the package documentation).
 *
 * <pre>{@code
 * try (SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults())) {
 *     long first = log.append(List.of(a, b));   // written to the file (OS page cache)
 *     log.force();                              // and now on disk
 *     log.read(first, first + 2, (sequence, entry) -> handle(entry));
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> {@link #append}, {@link #force} and {@link #close} belong to one writer (they
 * are synchronized, but callers should not interleave appends of different threads and expect an
 * order). {@link #read} and {@link #deleteBefore} may run on any thread, concurrently with the
 * writer; a read sees every entry whose append has returned.
 *
 * <p><b>Writes.</b> {@link #append(List)} frames the entries into one reusable 1 MiB direct buffer and
 * writes it with one {@code write} per MiB, rather than a gathering write of a header and a payload
 * buffer per entry: for small entries the copy is cheaper than the iovecs (the JDK copies heap
 * buffers into a temporary direct buffer anyway and caps a gathering write at 1024 buffers per
 * system call). Entries larger than the buffer go out as one gathering write of header and payload.
 *
 * <p><b>Failures.</b> An I/O error while appending throws a {@link StorageException} naming the
 * segment and offset, and the log refuses every later append: what it wrote last is unknown until
 * the next {@link #open} recovers the directory.
 */
public final class SegmentedLog implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SegmentedLog.class);
    private static final int WRITE_BUFFER_SIZE = 1 << 20;

    private final Path dir;
    private final LogOptions options;
    private final SegmentChannels channels;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final Object deleteLock = new Object();
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
    private RecoveryReport recoveryReport = RecoveryReport.clean();
    private Segment active;
    private FileChannel activeChannel;
    private long activeSize;
    private long nextSequence;
    private volatile long writtenSequence;
    private StorageException failure;
    private boolean closed;

    private SegmentedLog(Path dir, LogOptions options, SegmentChannels channels) {
        this.dir = dir;
        this.options = options;
        this.channels = channels;
    }

    /** Opens (creating if needed) the log in {@code dir}, recovering what a crash left. */
    public static SegmentedLog open(Path dir, LogOptions options) {
        return open(dir, options, SegmentChannels.DEFAULT);
    }

    /** As {@link #open(Path, LogOptions)}, writing segments through channels from {@code channels}. */
    public static SegmentedLog open(Path dir, LogOptions options, SegmentChannels channels) {
        SegmentedLog opened = new SegmentedLog(dir, options, channels);
        try {
            Files.createDirectories(dir);
            new LogRecovery(opened).recover();
        } catch (IOException e) {
            throw new StorageException("opening the log in " + dir + " failed: " + e.getMessage(), e);
        }
        return opened;
    }

    /** Called by {@link LogRecovery} once per recovered segment, in order. */
    void recovered(Segment segment) {
        segments.put(segment.firstSequence, segment);
    }

    /** Called by {@link LogRecovery} last: the segment to append to, open and positioned. */
    void recoveredActive(Segment segment, FileChannel channel, long size, long sequence, RecoveryReport report) {
        segments.put(segment.firstSequence, segment);
        active = segment;
        activeChannel = channel;
        activeSize = size;
        nextSequence = sequence;
        writtenSequence = sequence;
        recoveryReport = report;
    }

    /** Creates the segment starting at {@code firstSequence}, header written, directory forced. */
    FileChannel createSegment(long firstSequence) throws IOException {
        Path file = dir.resolve(SegmentFormat.fileName(firstSequence));
        FileChannel channel = channels.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ByteBuffer header = SegmentFormat.header(firstSequence);
        while (header.hasRemaining()) {
            channel.write(header);
        }
        DurableFiles.syncDirectory(dir);
        return channel;
    }

    SegmentChannels channels() {
        return channels;
    }

    Path dir() {
        return dir;
    }

    LogOptions options() {
        return options;
    }

    /** Writes one entry to the file (not forced) and returns its sequence. */
    public long append(byte[] entry) {
        return append(List.of(entry));
    }

    /** Writes {@code entries} to the file, in order, with as few writes as fit; returns the first one's sequence. */
    public synchronized long append(List<byte[]> entries) {
        checkWritable();
        long first = nextSequence;
        try {
            for (byte[] entry : entries) {
                appendFrame(entry);
            }
            flush();
        } catch (IOException e) {
            failure = new StorageException("writing segment " + active.file + " at offset " + activeSize
                    + " failed: " + e.getMessage(), e);
            throw failure;
        }
        writtenSequence = nextSequence;
        return first;
    }

    private void appendFrame(byte[] entry) throws IOException {
        int frameSize = FRAME_HEADER_SIZE + entry.length;
        long offset = activeSize + writeBuffer.position();
        if (offset > HEADER_SIZE && offset + frameSize > options.segmentSize()) {
            flush();
            roll();
            offset = activeSize;
        }
        active.index.maybeAdd(nextSequence, offset);
        int checksum = SegmentFormat.checksum(crc, entry);
        if (writeBuffer.remaining() < frameSize) {
            flush();
        }
        if (frameSize > writeBuffer.capacity()) {
            ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER_SIZE).putInt(entry.length).putInt(checksum).flip();
            ByteBuffer[] frame = {header, ByteBuffer.wrap(entry)};
            while (frame[1].hasRemaining()) {
                activeSize += activeChannel.write(frame);
            }
        } else {
            writeBuffer.putInt(entry.length).putInt(checksum).put(entry);
        }
        nextSequence++;
    }

    private void flush() throws IOException {
        writeBuffer.flip();
        while (writeBuffer.hasRemaining()) {
            activeSize += activeChannel.write(writeBuffer);
        }
        writeBuffer.clear();
    }

    private void roll() throws IOException {
        activeChannel.force(false);
        activeChannel.close();
        activeChannel = createSegment(nextSequence);
        activeSize = HEADER_SIZE;
        active = Segment.empty(dir.resolve(SegmentFormat.fileName(nextSequence)), nextSequence);
        segments.put(nextSequence, active);
    }

    /** Forces every appended entry to disk (fsync of the active segment; rolled ones were forced when rolled). */
    public synchronized void force() {
        checkWritable();
        try {
            activeChannel.force(false);
        } catch (IOException e) {
            failure = new StorageException("forcing segment " + active.file + " to disk at offset " + activeSize
                    + " failed: " + e.getMessage(), e);
            throw failure;
        }
    }

    private void checkWritable() {
        if (closed) {
            throw new IllegalStateException("the log in " + dir + " is closed");
        }
        if (failure != null) {
            throw new StorageException("the log in " + dir + " refuses appends after a failed write: "
                    + failure.getMessage(), failure);
        }
    }

    /**
     * Reads entries {@code [from, to)} in order. Entries skipped as corrupt at open are left out.
     *
     * @throws IllegalArgumentException if {@code to} is past the last written entry
     * @throws StorageException if an entry was deleted or is corrupt
     */
    public void read(long from, long to, EntryConsumer consumer) {
        long written = writtenSequence;
        if (from > to || to > written) {
            throw new IllegalArgumentException("cannot read entries [" + from + ", " + to + ") of the log in " + dir
                    + ": entries below " + written + " are written");
        }
        long sequence = from;
        while (sequence < to) {
            Map.Entry<Long, Segment> segment = segments.floorEntry(sequence);
            if (segment == null) {
                throw new StorageException("entry " + sequence + " was deleted: the log in " + dir
                        + " starts at sequence " + firstSequence());
            }
            Long nextFirst = segments.higherKey(segment.getKey());
            long end = nextFirst == null ? to : Math.min(to, nextFirst);
            segment.getValue().read(sequence, end, consumer);
            sequence = end;
        }
    }

    /** Deletes every segment whose entries all have sequences below {@code sequence}; never the active one. */
    public void deleteBefore(long sequence) {
        synchronized (deleteLock) {
            while (true) {
                Map.Entry<Long, Segment> first = segments.firstEntry();
                Long next = segments.higherKey(first.getKey());
                if (next == null || next > sequence) {
                    return;
                }
                segments.remove(first.getKey());
                try {
                    Files.deleteIfExists(first.getValue().file);
                } catch (IOException e) {
                    throw new StorageException("deleting segment " + first.getValue().file + " failed: "
                            + e.getMessage(), e);
                }
                log.debug("deleted segment {} (entries below {})", first.getValue().file, next);
            }
        }
    }

    /** The sequence of the oldest entry still kept (deleted segments are gone). */
    public long firstSequence() {
        return segments.firstKey();
    }

    /** The sequence the next append gets; every entry below it is written (readable). */
    public long nextSequence() {
        return writtenSequence;
    }

    /** What recovery found when the log was opened. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    /** How many segment files the log has now. */
    public int segmentCount() {
        return segments.size();
    }

    /** Closes the active segment; appended entries stay written but are not forced. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            activeChannel.close();
        } catch (IOException e) {
            throw new StorageException("closing segment " + active.file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "log in " + dir;
    }
}

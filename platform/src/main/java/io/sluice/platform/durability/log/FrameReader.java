package io.sluice.platform.durability.log;

import static io.sluice.platform.durability.log.SegmentFormat.FRAME_HEADER_SIZE;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads and checks frames of one segment through a window buffer, so that scanning many small
 * frames costs one positional read per window instead of two per frame. Not thread-safe: one per
 * reading thread.
 */
final class FrameReader {
    private static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final Path file;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart;
    private int windowLength;

    FrameReader(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /**
     * The payload length of the frame at {@code pos} if it is complete before {@code limit} and its
     * checksum matches, else -1.
     */
    int validFrameAt(long pos, long limit) throws IOException {
        int length = claimedLength(pos, limit);
        if (length < 0) {
            return -1;
        }
        fill(pos, FRAME_HEADER_SIZE + length);
        int at = (int) (pos - windowStart);
        byte[] bytes = window.array();
        crc.reset();
        crc.update(bytes, at, 4);
        crc.update(bytes, at + FRAME_HEADER_SIZE, length);
        return (int) crc.getValue() == window.getInt(at + 4) ? length : -1;
    }

    /** The length field of the frame at {@code pos} if the frame it claims fits before {@code limit}, else -1. */
    int claimedLength(long pos, long limit) throws IOException {
        if (limit - pos < FRAME_HEADER_SIZE) {
            return -1;
        }
        fill(pos, FRAME_HEADER_SIZE);
        int length = window.getInt((int) (pos - windowStart));
        return length >= 0 && length <= limit - pos - FRAME_HEADER_SIZE ? length : -1;
    }

    /** The first offset in {@code [from, limit)} where a valid frame starts, or -1. */
    long nextValidFrame(long from, long limit) throws IOException {
        for (long pos = from; pos + FRAME_HEADER_SIZE <= limit; pos++) {
            if (validFrameAt(pos, limit) >= 0) {
                return pos;
            }
        }
        return -1;
    }

    /** A copy of the payload of the frame at {@code pos}, already checked by {@link #validFrameAt}. */
    byte[] payload(long pos, int length) throws IOException {
        fill(pos, FRAME_HEADER_SIZE + length);
        byte[] payload = new byte[length];
        System.arraycopy(window.array(), (int) (pos - windowStart) + FRAME_HEADER_SIZE, payload, 0, length);
        return payload;
    }

    private void fill(long pos, int bytes) throws IOException {
        if (pos >= windowStart && pos + bytes <= windowStart + windowLength) {
            return;
        }
        if (window.capacity() < bytes || (window.capacity() > WINDOW && bytes <= WINDOW)) {
            window = ByteBuffer.allocate(Math.max(WINDOW, bytes));
        }
        window.clear();
        while (window.hasRemaining()) {
            int read = channel.read(window, pos + window.position());
            if (read < 0) {
                break;
            }
        }
        windowStart = pos;
        windowLength = window.position();
        if (windowLength < bytes) {
            throw new StorageException("segment " + file + " ends before offset " + (pos + bytes)
                    + " while reading the frame at offset " + pos);
        }
    }
}

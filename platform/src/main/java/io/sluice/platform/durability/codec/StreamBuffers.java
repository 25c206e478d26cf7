package io.sluice.platform.durability.codec;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The buffers {@link ValueCodec} uses to write values to, and read them from, streams it does not
 * own (a checkpoint's {@code DataOutputStream}): each value is encoded into a buffer and written in
 * one call, and read whole into a buffer before it is decoded. One buffer of each kind per thread,
 * reused while small; a nested call (a {@link TypeCodec} writing to a stream of its own) finds it
 * borrowed and uses a fresh one.
 */
final class StreamBuffers {
    /** Buffers larger than this are not kept for the thread's next value. */
    private static final int MAX_RETAINED = 64 * 1024;
    /** Bytes read at a time beyond that, so a garbled length fails at the end of the input, not in the allocator. */
    private static final int READ_CHUNK = 64 * 1024;

    private final ThreadLocal<BinaryOutput> outputs = new ThreadLocal<>();
    private final ThreadLocal<byte[]> inputs = new ThreadLocal<>();

    /** An empty output buffer of this thread's, to be given back with {@link #giveBack(BinaryOutput)}. */
    BinaryOutput borrowOutput() {
        BinaryOutput out = outputs.get();
        if (out == null) {
            return new BinaryOutput(256);
        }
        outputs.set(null);
        out.truncate(0);
        return out;
    }

    void giveBack(BinaryOutput out) {
        if (out.capacity() <= MAX_RETAINED) {
            outputs.set(out);
        }
    }

    /**
     * Reads a varint length and that many bytes.
     *
     * @throws EOFException         if the input ends within the length
     * @throws CorruptDataException if it ends within the bytes, or the length is out of range
     */
    BinaryInput readBody(DataInput in) throws IOException {
        int length = readLength(in);
        byte[] buffer = inputs.get();
        if (length <= MAX_RETAINED && buffer != null && buffer.length >= length) {
            inputs.set(null);
        } else {
            buffer = new byte[length <= MAX_RETAINED ? Math.max(length, 1024) : READ_CHUNK];
        }
        int read = 0;
        while (read < length) {
            if (read == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(length, buffer.length * 2L));
            }
            int n = Math.min(buffer.length, length) - read;
            readFully(in, buffer, read, n, length);
            read += n;
        }
        return new BinaryInput(buffer, 0, length, 0);
    }

    /** Keeps a small buffer {@link #readBody} read into for the thread's next value (it is decoded and no longer used). */
    void giveBack(BinaryInput in) {
        byte[] buffer = in.array();
        if (buffer.length <= MAX_RETAINED) {
            inputs.set(buffer);
        }
    }

    private static void readFully(DataInput in, byte[] buffer, int from, int n, int announced) throws IOException {
        try {
            in.readFully(buffer, from, n);
        } catch (EOFException e) {
            throw new CorruptDataException("truncated value: " + announced + " bytes announced, the input ended within the "
                    + (from + n) + " first", -1, e);
        }
    }

    private static int readLength(DataInput in) throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (b & 0x7f) << shift;
            if (b < 0x80) {
                if (result < 0 || (shift == 28 && b > 0x0f)) {
                    throw new CorruptDataException("value length " + Integer.toUnsignedString(result) + " is out of range", -1);
                }
                return result;
            }
        }
        throw new CorruptDataException("value length varint longer than 5 bytes", -1);
    }
}

package io.sluice.platform.durability.codec;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a byte array, or a slice of one, as a {@link DataInput}: what a {@link TypeCodec} is handed,
 * and what code reading many values uses instead of a {@code DataInputStream} over a
 * {@code ByteArrayInputStream}, so {@link ValueCodec#read} decodes in place. Every read is bounded
 * by the end of the slice: a length or count beyond it is a {@link CorruptDataException} naming the
 * offset, never a huge allocation, and reading past the end is one too (not an
 * {@link java.io.EOFException}). Offsets in messages count from the start of the array. Not
 * thread-safe.
 *
 * <pre>{@code
 * BinaryInput in = new BinaryInput(section);
 * int entries = in.readInt();
 * for (int i = 0; i < entries; i++) {
 *     state.put(values.read(in), values.read(in));
 * }
 * }</pre>
 */
public final class BinaryInput implements DataInput {
    private final byte[] buf;
    private final int end;
    private final int base;
    private int pos;
    /** How deep the value a {@link TypeCodec} is reading sits: see {@link BinaryOutput#codecDepth}. */
    int codecDepth;

    /** Reads all of {@code bytes} (not copied). */
    public BinaryInput(byte[] bytes) {
        this(bytes, 0, bytes.length, 0);
    }

    /** Reads {@code bytes[from, to)} (not copied). */
    public BinaryInput(byte[] bytes, int from, int to) {
        this(bytes, from, to, from);
        java.util.Objects.checkFromToIndex(from, to, bytes.length);
    }

    /** Reads {@code buf[from, to)}; offsets in errors are reported as {@code base + (position - from)}. */
    BinaryInput(byte[] buf, int from, int to, int base) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
        this.base = base - from;
    }

    int position() {
        return pos;
    }

    /** The offset of the next byte as errors report it. */
    long offset() {
        return (long) base + pos;
    }

    /** How many bytes are left to read. */
    public int remaining() {
        return end - pos;
    }

    byte[] array() {
        return buf;
    }

    /** Moves past {@code n} bytes that the caller has read from {@link #array()} itself. */
    void skip(int n) {
        need(n);
        pos += n;
    }

    CorruptDataException corrupt(String problem) {
        return new CorruptDataException(problem, offset());
    }

    CorruptDataException corrupt(String problem, long at) {
        return new CorruptDataException(problem, at);
    }

    private void need(int n) {
        if (n > end - pos) {
            throw corrupt("truncated input: " + n + " more bytes needed, " + (end - pos) + " left");
        }
    }

    int readUnsigned() {
        if (pos >= end) {
            throw corrupt("truncated input: 1 more byte needed, 0 left");
        }
        return buf[pos++] & 0xff;
    }

    long readVarlong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw corrupt("truncated varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw corrupt("varint longer than 10 bytes");
    }

    int readVarint() {
        long at = offset();
        long v = readVarlong();
        if (v >>> 32 != 0) {
            throw corrupt("varint " + v + " does not fit 32 bits", at);
        }
        return (int) v;
    }

    long readZigzag() {
        long v = readVarlong();
        return (v >>> 1) ^ -(v & 1);
    }

    /**
     * A count or length that must be at most the bytes left divided by {@code minBytesEach}: what
     * keeps a garbled length from allocating gigabytes.
     */
    int readLength(String what, int minBytesEach) {
        long at = offset();
        int n = readVarint();
        if (n < 0 || (long) n * minBytesEach > end - pos) {
            throw corrupt(what + " of " + Integer.toUnsignedString(n) + " is more than the " + (end - pos) + " bytes left", at);
        }
        return n;
    }

    /** A string written by {@link BinaryOutput#writeString}, possibly {@code null}. */
    String readString() {
        long at = offset();
        int header = readVarint();
        if (header == 0) {
            return null;
        }
        int length = (header - 1) >>> 1;
        boolean utf16 = ((header - 1) & 1) != 0;
        if ((long) length * (utf16 ? 2 : 1) > end - pos) {
            throw corrupt("string of " + length + (utf16 ? " chars" : " bytes") + " is longer than the " + (end - pos) + " bytes left", at);
        }
        if (!utf16) {
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ((buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff);
            pos += 2;
        }
        return new String(chars);
    }

    /** A string that must not be {@code null}; {@code what} names it in the error. */
    String readNonNullString(String what) {
        long at = offset();
        String s = readString();
        if (s == null) {
            throw corrupt(what + " is null", at);
        }
        return s;
    }

    byte[] readByteArray() {
        int n = readLength("byte array length", 1);
        byte[] bytes = new byte[n];
        System.arraycopy(buf, pos, bytes, 0, n);
        pos += n;
        return bytes;
    }

    @Override
    public void readFully(byte[] b) {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) {
        need(len);
        System.arraycopy(buf, pos, b, off, len);
        pos += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - pos));
        pos += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() {
        return readUnsigned() != 0;
    }

    @Override
    public byte readByte() {
        return (byte) readUnsigned();
    }

    @Override
    public int readUnsignedByte() {
        return readUnsigned();
    }

    @Override
    public short readShort() {
        need(2);
        short v = (short) ((buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() {
        return readShort() & 0xffff;
    }

    @Override
    public char readChar() {
        return (char) readShort();
    }

    @Override
    public int readInt() {
        need(4);
        int v = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8 | buf[pos + 3] & 0xff;
        pos += 4;
        return v;
    }

    @Override
    public long readLong() {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    @Override
    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** As {@link java.io.DataInputStream#readLine()}: bytes as Latin-1 up to a line end; {@code null} at the end. */
    @Override
    public String readLine() {
        if (pos >= end) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        while (pos < end) {
            char c = (char) (buf[pos++] & 0xff);
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (pos < end && buf[pos] == '\n') {
                    pos++;
                }
                break;
            }
            line.append(c);
        }
        return line.toString();
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }
}

package io.sluice.platform.durability.codec;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that the codecs write into: the {@link DataOutput} methods (big-endian, as
 * {@link java.io.DataOutputStream}) and, inside this package, varints and strings. A
 * {@link TypeCodec} is handed one and writes straight into the codec's buffer; code that writes
 * many values (a checkpoint's state entries) uses one instead of a {@code DataOutputStream} over a
 * {@code ByteArrayOutputStream}, so {@link ValueCodec#write} encodes in place: no copy, no buffer per
 * value, no synchronized stream. Not thread-safe.
 *
 * <pre>{@code
 * BinaryOutput out = new BinaryOutput();
 * out.writeInt(state.size());
 * state.forEach((key, value) -> { values.write(out, key); values.write(out, value); });
 * byte[] section = out.toByteArray();          // read back with new BinaryInput(section)
 * }</pre>
 *
 * <p>Strings are written as a varint header and a body: header {@code 0} is {@code null};
 * otherwise {@code header - 1 = length << 1 | utf16}. Well-formed strings (every surrogate paired)
 * are UTF-8 and {@code length} counts bytes; strings with an unpaired surrogate, which UTF-8 cannot
 * carry, are written as {@code length} big-endian UTF-16 chars so they too come back unchanged.
 */
public final class BinaryOutput implements DataOutput {
    /** Longest string written: its header must fit an int. */
    static final int MAX_STRING_CHARS = (1 << 29) - 1;

    private byte[] buf;
    private int size;
    /**
     * How deep the value a {@link TypeCodec} is writing sits, while it writes: the depth its nested
     * {@link ValueCodec#write} calls continue from, so a value that contains itself through a codec
     * is refused like any other.
     */
    int codecDepth;

    /** An empty buffer. */
    public BinaryOutput() {
        this(256);
    }

    /** An empty buffer of {@code capacity} bytes to start with. */
    public BinaryOutput(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** How many bytes have been written. */
    public int size() {
        return size;
    }

    /** Empties the buffer (keeping its capacity) to write something else. */
    public void reset() {
        size = 0;
    }

    int capacity() {
        return buf.length;
    }

    /** Forgets what was written after the first {@code newSize} bytes. */
    void truncate(int newSize) {
        size = newSize;
    }

    /** The bytes written so far, as a new array of exactly {@link #size()} bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The backing array (valid up to {@link #size()}); the array itself if it is exactly full. */
    byte[] array() {
        return buf;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            long wanted = Math.max((long) buf.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new UnsupportedValueException(byte[].class, "the encoding would exceed 2 GB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    void writeVarint(int value) {
        writeVarlong(value & 0xffffffffL);
    }

    void writeVarlong(long value) {
        ensure(10);
        byte[] b = buf;
        int p = size;
        while ((value & ~0x7fL) != 0) {
            b[p++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        size = p;
    }

    void writeZigzag(long value) {
        writeVarlong((value << 1) ^ (value >> 63));
    }

    /**
     * Inserts the varint of {@code value} at {@code at}, moving the bytes after it: how a length
     * is put in front of a body whose size was not known before it was written.
     */
    void insertVarint(int at, int value) {
        int length = 1;
        for (int v = value >>> 7; v != 0; v >>>= 7) {
            length++;
        }
        ensure(length);
        System.arraycopy(buf, at, buf, at + length, size - at);
        int end = size + length;
        size = at;
        writeVarint(value);
        size = end;
    }

    /** A string, possibly {@code null}, in the form described in the class comment. */
    void writeString(String s) {
        if (s == null) {
            write(0);
            return;
        }
        int chars = s.length();
        if (chars > MAX_STRING_CHARS) {
            throw new UnsupportedValueException(String.class, "a string of " + chars + " chars is too long (at most " + MAX_STRING_CHARS + ")");
        }
        ensure(chars + 5);
        int header = size;
        boolean shortHeader = chars <= 63;
        int p = header + (shortHeader ? 1 : 5);
        byte[] b = buf;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                size = header;
                writeNonAscii(s);
                return;
            }
            b[p++] = (byte) c;
        }
        if (shortHeader) {
            b[header] = (byte) ((chars << 1) + 1);
            size = p;
        } else {
            size = header;
            writeVarint((chars << 1) + 1);
            System.arraycopy(buf, header + 5, buf, size, chars);
            size += chars;
        }
    }

    private void writeNonAscii(String s) {
        if (hasUnpairedSurrogate(s)) {
            int chars = s.length();
            writeVarint((chars << 1 | 1) + 1);
            ensure(chars * 2);
            for (int i = 0; i < chars; i++) {
                char c = s.charAt(i);
                buf[size++] = (byte) (c >>> 8);
                buf[size++] = (byte) c;
            }
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > MAX_STRING_CHARS) {
                throw new UnsupportedValueException(String.class, "a string of " + utf8.length + " UTF-8 bytes is too long");
            }
            writeVarint((utf8.length << 1) + 1);
            write(utf8, 0, utf8.length);
        }
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A length-prefixed byte array (never {@code null}). */
    void writeByteArray(byte[] bytes) {
        writeVarint(bytes.length);
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    @Override
    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToRawIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    /** Modified UTF-8 with a two-byte length, exactly as {@link java.io.DataOutputStream#writeUTF}. */
    @Override
    public void writeUTF(String s) throws UTFDataFormatException {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        if (length > 65535) {
            throw new UTFDataFormatException("encoded string too long: " + length + " bytes");
        }
        writeShort(length);
        ensure(length);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 1 && c < 0x80) {
                buf[size++] = (byte) c;
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xc0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3f));
            } else {
                buf[size++] = (byte) (0xe0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }
}

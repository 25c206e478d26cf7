package io.sluice.connectors.generator;

import java.util.Arrays;

/**
 * A growable byte buffer for building one ASCII line at a time without {@code String} churn: one per
 * split read, reset for every event. Not thread-safe.
 */
final class LineBuffer {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private byte[] bytes;
    private int length;

    LineBuffer(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    void reset() {
        length = 0;
    }

    LineBuffer append(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
        return this;
    }

    /** Appends a non-negative number in decimal. */
    LineBuffer append(long value) {
        return appendPadded(value, 1);
    }

    /** Appends a non-negative number in decimal, left-padded with zeros to at least {@code width} digits. */
    LineBuffer appendPadded(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int digits = Math.max(width, digits(value));
        ensure(digits);
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
        return this;
    }

    /** A copy of the line built so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    int length() {
        return length;
    }

    /** How many decimal digits a non-negative number has. */
    static int digits(long value) {
        int d = 1;
        while (d < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[d]) {
            d++;
        }
        return d;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

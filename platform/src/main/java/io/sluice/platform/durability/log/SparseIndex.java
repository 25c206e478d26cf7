package io.sluice.platform.durability.log;

import java.util.Arrays;

/**
 * Where some entries of a segment start: one point per {@value #SPACING} bytes, and one after every
 * skipped corrupt region. A read starts at the last point at or before the entry it wants and scans
 * forward. The writer adds points while readers look them up, hence the locking.
 */
final class SparseIndex {
    static final int SPACING = 64 * 1024;

    private long[] sequences = new long[16];
    private long[] offsets = new long[16];
    private int size;

    /** Adds a point; a point for the same sequence as the last one replaces it. */
    synchronized void add(long sequence, long offset) {
        if (size > 0 && sequences[size - 1] == sequence) {
            offsets[size - 1] = offset;
            return;
        }
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        sequences[size] = sequence;
        offsets[size] = offset;
        size++;
    }

    /** Adds a point if {@code offset} is at least {@link #SPACING} bytes past the last one. */
    synchronized void maybeAdd(long sequence, long offset) {
        if (size == 0 || offset - offsets[size - 1] >= SPACING) {
            add(sequence, offset);
        }
    }

    /** The position of the last point at or before {@code sequence}, or -1. */
    synchronized int floor(long sequence) {
        int found = Arrays.binarySearch(sequences, 0, size, sequence);
        return found >= 0 ? found : -found - 2;
    }

    synchronized int size() {
        return size;
    }

    synchronized long sequenceAt(int point) {
        return sequences[point];
    }

    synchronized long offsetAt(int point) {
        return offsets[point];
    }
}

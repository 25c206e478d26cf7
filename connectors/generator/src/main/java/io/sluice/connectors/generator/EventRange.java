package io.sluice.connectors.generator;

/**
 * A split of the generator: the events numbered {@code start} (inclusive) to {@code end}
 * (exclusive). Immutable; reading it always yields the same records.
 *
 * @param start first event number
 * @param end   one past the last event number
 */
record EventRange(long start, long end) {
    EventRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad event range [" + start + ", " + end + ")");
        }
    }

    long size() {
        return end - start;
    }

    @Override
    public String toString() {
        return "events[" + start + ", " + end + ")";
    }
}

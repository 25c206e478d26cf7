package io.sluice.connectors.generator;

import io.sluice.spi.Record;

/**
 * One kind of synthetic event stream: event {@code k} (k = 0, 1, 2, ...) is a pure function of
 * {@code k} and the workload's settings, so any range of events can be produced again, identically,
 * on any thread. Implementations are immutable and thread-safe.
 */
interface Workload {
    /** Appends event {@code k} as one JSON object, without a line break. */
    void appendJson(long k, LineBuffer line);

    /** Event {@code k} as one JSON object, without a line break, in an array of exactly its length. */
    default byte[] json(long k) {
        LineBuffer line = new LineBuffer(128);
        appendJson(k, line);
        return line.toByteArray();
    }

    /** Sets event {@code k}'s fields on {@code record}, in the same order and with the same values as its JSON. */
    Record.Builder putFields(long k, Record.Builder record);

    /** The event time of event {@code k}, in epoch milliseconds. */
    long timestamp(long k);
}

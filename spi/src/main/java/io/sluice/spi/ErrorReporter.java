package io.sluice.spi;

/**
 * The dead-letter door: input or records that could not be processed go here instead of into
 * silence, and the stream goes on. The platform counts them, logs them with their origin and
 * (when configured) writes them to a dead-letter output. Thread-safe.
 *
 * <pre>{@code
 * try {
 *     out.emit(format.decode(line));
 * } catch (BadRecordException e) {
 *     context.errors().reportRaw(file + ":" + lineNo, line, e);
 * }
 * }</pre>
 */
public interface ErrorReporter {
    /** A record that a step could not process. */
    void report(Record record, Throwable cause);

    /**
     * Raw input that never became a record.
     *
     * @param origin where it came from, e.g. {@code "events.jsonl:12"} or {@code "buses/7/events"}
     * @param raw    the bytes as received (not modified)
     */
    void reportRaw(String origin, byte[] raw, Throwable cause);
}

package io.sluice.platform.stream;

import io.sluice.spi.Record;

/**
 * A record, or raw input, that a step or source could not process; handed to the context's
 * {@linkplain StreamingContext.Builder#errorReporter error reporter} (the dead-letter door) after
 * it was counted and logged. Processing goes on without it.
 *
 * <pre>{@code
 * List<BadRecord> dead = new CopyOnWriteArrayList<>();
 * StreamingContext.builder().errorReporter(dead::add)
 * }</pre>
 *
 * @param component the step, source or sink that reported it ({@code parse#3}, {@code sources.sensors})
 * @param origin    where it came from, e.g. {@code events.jsonl:12}; the record's position, or
 *                  {@code null} when unknown
 * @param record    the record, or {@code null} when raw input never became one
 * @param raw       the raw input as received, or {@code null} when a record is given
 * @param cause     why it was rejected
 */
public record BadRecord(String component, String origin, Record record, byte[] raw, Throwable cause) {
}

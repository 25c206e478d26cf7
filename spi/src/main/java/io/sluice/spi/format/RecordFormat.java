package io.sluice.spi.format;

import io.sluice.spi.Record;

/**
 * Decodes bytes to a record and encodes a record to bytes. Thread-safe.
 *
 * <ul>
 *   <li>{@code json}: an object becomes the record's fields (whole numbers as {@code Long});
 *   encoding writes the fields as one JSON object.</li>
 *   <li>{@code text}: UTF-8 text in a field named {@code text}.</li>
 *   <li>{@code bytes}: the payload as is.</li>
 * </ul>
 *
 * <pre>{@code
 * RecordFormat json = context.format("json");
 * Record r = json.decode(line);            // throws BadRecordException on invalid JSON
 * byte[] out = json.encode(r);
 * }</pre>
 */
public interface RecordFormat {
    String name();

    /**
     * @throws io.sluice.spi.BadRecordException if the bytes are not valid in this format; the
     *         message says where (e.g. the column of a JSON syntax error)
     */
    Record decode(byte[] bytes);

    /** Encodes fields (or the payload, for {@code bytes}). */
    byte[] encode(Record record);
}

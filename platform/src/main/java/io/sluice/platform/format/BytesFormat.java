package io.sluice.platform.format;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;

/**
 * {@code bytes}: the payload as is. Decoding wraps the given array as the record's payload (not
 * copied: do not modify it afterwards); encoding returns the payload array itself (do not modify
 * it either).
 *
 * <pre>{@code
 * Record r = new BytesFormat().decode(message);   // r.payload() == message
 * }</pre>
 */
public final class BytesFormat implements RecordFormat {
    public static final String NAME = "bytes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Record decode(byte[] bytes) {
        return Record.ofPayload(bytes);
    }

    /**
     * @throws BadRecordException if the record has no payload (only fields: use {@code json})
     */
    @Override
    public byte[] encode(Record record) {
        if (!record.hasPayload()) {
            throw new BadRecordException("the bytes format writes a record's payload, and this record has only fields "
                    + record.fields().keySet() + "; use the json or text format");
        }
        return record.payload();
    }

    @Override
    public String toString() {
        return NAME;
    }
}

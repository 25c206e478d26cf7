package io.sluice.spi.testkit;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;

/**
 * A minimal {@code bytes} format for tests: the payload as is.
 *
 * <pre>{@code
 * byte[] same = new BytesRecordFormat().encode(Record.ofPayload(bytes));
 * }</pre>
 */
public final class BytesRecordFormat implements RecordFormat {
    @Override
    public String name() {
        return "bytes";
    }

    @Override
    public Record decode(byte[] bytes) {
        return Record.ofPayload(bytes);
    }

    /**
     * @throws BadRecordException if the record has no payload
     */
    @Override
    public byte[] encode(Record record) {
        if (!record.hasPayload()) {
            throw new BadRecordException("the bytes format needs a payload: " + record);
        }
        return record.payload();
    }
}

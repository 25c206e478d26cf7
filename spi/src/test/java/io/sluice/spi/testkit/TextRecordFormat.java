package io.sluice.spi.testkit;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.charset.StandardCharsets;

/**
 * A minimal {@code text} format for tests: UTF-8 text in the field {@code text}, as the platform's.
 *
 * <pre>{@code
 * Record r = new TextRecordFormat().decode("hello".getBytes(UTF_8));   // {text=hello}
 * }</pre>
 */
public final class TextRecordFormat implements RecordFormat {
    public static final String FIELD = "text";

    @Override
    public String name() {
        return "text";
    }

    @Override
    public Record decode(byte[] bytes) {
        return Record.builder().field(FIELD, new String(bytes, StandardCharsets.UTF_8)).build();
    }

    /**
     * @throws BadRecordException if the record has no {@code text} field
     */
    @Override
    public byte[] encode(Record record) {
        Object text = record.get(FIELD);
        if (text == null) {
            throw new BadRecordException("the text format needs a field 'text': " + record);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}

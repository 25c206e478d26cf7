package io.sluice.platform.format;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code text}: UTF-8 text in a field named {@value #FIELD}. Nothing is added or stripped (a line
 * source hands over lines without their terminator). Decoding rejects bytes that are not valid
 * UTF-8 instead of silently replacing them.
 *
 * <p>Encoding writes the {@value #FIELD} field (a string, number or boolean) as UTF-8; a record
 * without that field but with a payload is written as its payload (the array itself, do not
 * modify it).
 *
 * <pre>{@code
 * Record line = new TextFormat().decode("bus-0042 boarded".getBytes(UTF_8));
 * line.get("text");   // "bus-0042 boarded"
 * }</pre>
 */
public final class TextFormat implements RecordFormat {
    public static final String NAME = "text";
    /** The field holding the text. */
    public static final String FIELD = "text";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws BadRecordException if the bytes are not valid UTF-8 (the message gives the byte offset)
     */
    @Override
    public Record decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            requireValidUtf8(bytes);
        }
        return Record.builder().field(FIELD, text).build();
    }

    /**
     * @throws BadRecordException if the record has neither a usable {@value #FIELD} field nor a payload
     */
    @Override
    public byte[] encode(Record record) {
        Object text = record.get(FIELD);
        if (text instanceof String || text instanceof Number || text instanceof Boolean) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (text != null) {
            throw new BadRecordException("the text format writes field '" + FIELD + "' as text, but it holds a "
                    + text.getClass().getSimpleName());
        }
        if (record.hasPayload()) {
            return record.payload();
        }
        throw new BadRecordException("the text format writes field '" + FIELD + "', which this record lacks (fields: "
                + record.fields().keySet() + "); set it in an earlier step or use the json format");
    }

    /** Slow path, only when decoding produced U+FFFD: was it in the input, or a replaced error? */
    private static void requireValidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            throw new BadRecordException("not valid UTF-8 text: " + result.length() + " malformed byte(s) at byte offset "
                    + in.position());
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}

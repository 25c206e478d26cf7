package io.sluice.platform.format;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * {@code json}: one JSON object per record. Decoding makes each property a field, in document
 * order (a repeated name keeps its first position and its last value): strings as
 * {@code String}, whole numbers as {@code Long}, other numbers as {@code Double}, {@code true}/
 * {@code false} as {@code Boolean}, {@code null} as {@code null}, objects as unmodifiable
 * {@code Map<String, Object>} and arrays as unmodifiable {@code List<Object>}. Encoding writes the
 * fields in order as one object; {@code byte[]} values are written as base64 strings. The key,
 * timestamp and headers are not part of the JSON.
 *
 * <p>Flat objects of plain values (the common case: events) are decoded by {@link FlatJsonDecoder}
 * without a parser, into records sharing one {@link io.sluice.spi.RecordSchema}; everything else,
 * and every error, goes through Jackson's streaming API with one {@link JsonFactory} per format
 * instance, so both paths give the same records and the same messages. Thread-safe.
 *
 * <pre>{@code
 * JsonFormat json = new JsonFormat();
 * Record r = json.decode("{\"bus\":\"bus-0042\",\"boarded\":3}".getBytes(UTF_8));
 * r.getLong("boarded");   // 3
 * json.decode("{\"bus\":".getBytes(UTF_8));   // BadRecordException: invalid JSON at line 1, column 8: ...
 * }</pre>
 */
public final class JsonFormat implements RecordFormat {
    public static final String NAME = "json";

    /** Output buffers above this size are not kept for the next record. */
    private static final int MAX_RETAINED_BUFFER = 64 * 1024;

    /** Buffers recycled per thread: the default pool is one deque that the worker threads contend on. */
    private final JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
    private final FlatJsonDecoder flat = new FlatJsonDecoder();
    private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws BadRecordException if the bytes are not one JSON object (the message gives the line,
     *                            column and an excerpt)
     */
    @Override
    public Record decode(byte[] bytes) {
        Record simple = flat.decode(bytes);
        return simple != null ? simple : decodeWithJackson(bytes);
    }

    /** The general decoder: any JSON object, and the errors with line, column and excerpt. */
    Record decodeWithJackson(byte[] bytes) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw JsonErrors.notAnObject(first, bytes);
            }
            Record.Builder record = Record.builder();
            String name;
            while ((name = parser.nextName()) != null) {
                parser.nextToken();
                record.field(name, JsonValues.read(parser, bytes));
            }
            if (parser.nextToken() != null) {
                throw JsonErrors.at("unexpected content after the JSON object", parser.currentTokenLocation(), bytes, null);
            }
            return record.build();
        } catch (JacksonException e) {
            throw JsonErrors.syntax(e, bytes);
        }
    }

    /**
     * @throws BadRecordException if the record has only a payload (decode it first, e.g. with a
     *                            {@code parse: json} step, or use {@code bytes}), or a value JSON
     *                            cannot carry (NaN, infinity, an unsupported type)
     */
    @Override
    public byte[] encode(Record record) {
        Map<String, Object> fields = record.fields();
        if (fields.isEmpty() && record.hasPayload()) {
            throw new BadRecordException("the json format writes a record's fields, and this record has only a payload;"
                    + " parse it first (e.g. a 'parse: json' step) or write it with the bytes format");
        }
        Output out = outputs.get();
        out.reset();
        try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                generator.writeName(field.getKey());
                JsonValues.write(generator, field.getKey(), field.getValue());
            }
            generator.writeEndObject();
        } catch (JacksonException e) {
            throw new BadRecordException("cannot write the record as JSON: " + e.getOriginalMessage(), e);
        }
        byte[] json = out.toByteArray();
        if (out.capacity() > MAX_RETAINED_BUFFER) {
            outputs.remove();
        }
        return json;
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** A per-thread output buffer, reused from record to record. */
    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(256);
        }

        int capacity() {
            return buf.length;
        }
    }
}

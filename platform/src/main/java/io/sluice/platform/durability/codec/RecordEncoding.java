package io.sluice.platform.durability.codec;

import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.util.Map;

/**
 * The body of one {@link Record}, shared by {@link Tags#RECORD} values and {@link RecordBlockCodec}
 * blocks:
 * <pre>
 * flags     1 byte: 1 key, 2 fields, 4 payload, 8 headers, 16 position (other bits: corrupt)
 * key       a value                                           if flags &amp; 1
 * fields    inline: varint count, then name (string) + value  if flags &amp; 2
 *           in a block: varint schema index, then the values
 * payload   varint length, bytes                              if flags &amp; 4
 * timestamp zigzag varint: inline the timestamp, in a block the difference from the previous record's
 * headers   varint count, then name + value (strings)         if flags &amp; 8
 * position  string                                            if flags &amp; 16
 * </pre>
 */
final class RecordEncoding {
    static final int KEY = 1;
    static final int FIELDS = 2;
    static final int PAYLOAD = 4;
    static final int HEADERS = 8;
    static final int POSITION = 16;
    private static final int ALL = KEY | FIELDS | PAYLOAD | HEADERS | POSITION;

    private RecordEncoding() {
    }

    /**
     * Writes {@code record}; its fields by name if {@code schemaIndex < 0}, else as the values of
     * schema number {@code schemaIndex} of the block; its timestamp relative to {@code previousTimestamp}.
     */
    static void write(ValueWriter values, BinaryOutput out, Record record, int schemaIndex, long previousTimestamp, int depth) {
        Object key = record.key();
        RecordSchema schema = record.schema();
        int fields = schema.size();
        byte[] payload = record.payload();
        Map<String, String> headers = record.headers();
        String position = record.position();
        out.write((key != null ? KEY : 0) | (fields > 0 ? FIELDS : 0) | (payload != null ? PAYLOAD : 0)
                | (headers.isEmpty() ? 0 : HEADERS) | (position != null ? POSITION : 0));
        if (key != null) {
            values.write(out, key, depth, "key of a record");
        }
        if (fields > 0) {
            out.writeVarint(schemaIndex < 0 ? fields : schemaIndex);
            int i = 0;
            try {
                for (; i < fields; i++) {
                    if (schemaIndex < 0) {
                        out.writeString(schema.name(i));
                    }
                    values.write(out, record.get(i), depth);
                }
            } catch (UnsupportedValueException e) {
                throw e.within("field '" + schema.name(i) + "' of a record");
            }
        }
        if (payload != null) {
            out.writeByteArray(payload);
        }
        out.writeZigzag(record.timestamp() - previousTimestamp);
        if (!headers.isEmpty()) {
            out.writeVarint(headers.size());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                out.writeString(header.getKey());
                out.writeString(header.getValue());
            }
        }
        if (position != null) {
            out.writeString(position);
        }
    }

    /** Reads a record written by {@link #write}: {@code schemas} is the block's table, or {@code null} for inline names. */
    static Record read(ValueReader values, BinaryInput in, RecordSchema[] schemas, long previousTimestamp, int depth) {
        long at = in.offset();
        int flags = in.readUnsigned();
        if ((flags & ~ALL) != 0) {
            throw in.corrupt("record flags 0x" + Integer.toHexString(flags) + " have unknown bits", at);
        }
        Record.Builder record = Record.builder();
        if ((flags & KEY) != 0) {
            record.key(values.read(in, depth));
        }
        if ((flags & FIELDS) != 0) {
            if (schemas == null) {
                readNamedFields(values, in, record, depth);
            } else {
                long schemaAt = in.offset();
                int index = in.readVarint();
                if (index < 0 || index >= schemas.length) {
                    throw in.corrupt("schema " + Integer.toUnsignedString(index) + " of a block that has " + schemas.length, schemaAt);
                }
                RecordSchema schema = schemas[index];
                Object[] fieldValues = new Object[schema.size()];
                for (int i = 0; i < fieldValues.length; i++) {
                    fieldValues[i] = values.read(in, depth);
                }
                record.fields(schema, fieldValues);
            }
        }
        if ((flags & PAYLOAD) != 0) {
            record.payload(in.readByteArray());
        }
        record.timestamp(previousTimestamp + in.readZigzag());
        if ((flags & HEADERS) != 0) {
            int count = in.readLength("header count", 2);
            for (int i = 0; i < count; i++) {
                record.header(in.readString(), in.readString());
            }
        }
        if ((flags & POSITION) != 0) {
            record.position(in.readNonNullString("record position"));
        }
        return record.build();
    }

    private static void readNamedFields(ValueReader values, BinaryInput in, Record.Builder record, int depth) {
        int count = in.readLength("field count", 2);
        RecordSchema schema = RecordSchema.empty();
        Object[] fieldValues = new Object[count];
        for (int i = 0; i < count; i++) {
            long at = in.offset();
            String name = in.readNonNullString("field name");
            RecordSchema longer = schema.withNew(name);
            if (longer == null) {
                throw in.corrupt("field '" + name + "' appears twice in a record", at);
            }
            schema = longer;
            fieldValues[i] = values.read(in, depth);
        }
        record.fields(schema, fieldValues);
    }
}

package io.sluice.platform.durability.codec;

import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fast encoding of blocks of records for the write-ahead log: a block's distinct schemas are
 * written once, then each record as a schema index and its values, so field names cost nothing per
 * record and decoded records share one {@link RecordSchema} per layout (the instance producers use).
 * Thread-safe; encoding allocates per block, not per record.
 *
 * <p>Format version 1 ({@link ValueCodec#FORMAT_VERSION}):
 * <pre>
 * version   1 byte
 * schemas   varint count; per schema: varint field count (&ge; 1), field names (strings)
 * records   varint count; per record: its body (see RecordEncoding), field values tagged as in
 *           {@link ValueCodec}, timestamps as differences from the previous record's (the first from 0)
 * </pre>
 * Framing and checksums are the log's: a block is exactly the bytes {@link #encode} returns.
 *
 * <pre>{@code
 * RecordBlockCodec blocks = new RecordBlockCodec(ValueCodec.standard());
 * byte[] block = blocks.encode(records);        // appended to the WAL with length and CRC
 * List<Record> again = blocks.decode(block);    // equal to records, in order
 * }</pre>
 */
public final class RecordBlockCodec {
    /** Schemas found by a scan before a block switches to a hash map. */
    private static final int SCAN_LIMIT = 8;

    private final ValueCodec values;
    private final ValueWriter writer;
    private final ValueReader reader;
    /** Bytes per record of the last block, to size the next block's buffer (a hint: races are harmless). */
    private int bytesPerRecordHint = 64;

    /** Encodes field values, keys and so on with {@code values} (and its registered {@link TypeCodec}s). */
    public RecordBlockCodec(ValueCodec values) {
        this.values = Objects.requireNonNull(values, "values");
        this.writer = values.writer();
        this.reader = values.reader();
    }

    /** The codec of the records' values. */
    public ValueCodec values() {
        return values;
    }

    /**
     * The block of {@code records}, in order.
     *
     * @throws UnsupportedValueException if a record holds a value the value codec cannot encode
     *                                   (the message says which record and field)
     */
    public byte[] encode(List<Record> records) {
        int count = records.size();
        int[] schemaOf = new int[count];
        List<RecordSchema> schemas = findSchemas(records, schemaOf);
        int hint = bytesPerRecordHint;
        BinaryOutput out = new BinaryOutput((int) Math.min((long) count * hint + 64, 1 << 26));
        out.write(ValueCodec.FORMAT_VERSION);
        out.writeVarint(schemas.size());
        for (RecordSchema schema : schemas) {
            out.writeVarint(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                out.writeString(schema.name(i));
            }
        }
        out.writeVarint(count);
        long previousTimestamp = 0;
        int i = 0;
        for (Record record : records) {
            if (i == count) {
                break;
            }
            try {
                RecordEncoding.write(writer, out, record, schemaOf[i], previousTimestamp, 0);
            } catch (UnsupportedValueException e) {
                throw e.within("record " + i + " of a block" + (record.position() == null ? "" : ", read at " + record.position()));
            }
            previousTimestamp = record.timestamp();
            i++;
        }
        if (i != count) {
            throw new IllegalArgumentException("the list of records changed while it was encoded");
        }
        if (count > 0) {
            bytesPerRecordHint = out.size() / count + 8;
        }
        return out.toByteArray();
    }

    /** The distinct non-empty schemas of {@code records}, in order of first use; {@code schemaOf[i]} is record i's ({@code -1}: no fields). */
    private static List<RecordSchema> findSchemas(List<Record> records, int[] schemaOf) {
        List<RecordSchema> schemas = new ArrayList<>(4);
        Map<RecordSchema, Integer> many = null;
        RecordSchema last = null;
        int lastIndex = -1;
        int i = 0;
        for (Record record : records) {
            if (i == schemaOf.length) {
                break;
            }
            RecordSchema schema = record.schema();
            if (schema != last) {
                last = schema;
                lastIndex = schema.size() == 0 ? -1 : -2;
                if (lastIndex == -2 && many != null) {
                    lastIndex = many.getOrDefault(schema, -2);
                } else if (lastIndex == -2) {
                    for (int s = 0; s < schemas.size(); s++) {
                        if (schemas.get(s) == schema) {
                            lastIndex = s;
                            break;
                        }
                    }
                }
                if (lastIndex == -2) {
                    lastIndex = schemas.size();
                    schemas.add(schema);
                    if (many != null) {
                        many.put(schema, lastIndex);
                    } else if (schemas.size() > SCAN_LIMIT) {
                        many = new IdentityHashMap<>();
                        for (int s = 0; s < schemas.size(); s++) {
                            many.put(schemas.get(s), s);
                        }
                    }
                }
            }
            schemaOf[i++] = lastIndex;
        }
        return schemas;
    }

    /**
     * The records of a block {@link #encode} wrote, in order, as a new mutable list.
     *
     * @throws CorruptDataException if {@code block} is not exactly one block of a known format version
     */
    public List<Record> decode(byte[] block) {
        BinaryInput in = new BinaryInput(block);
        ValueCodec.checkVersion(in.readUnsigned(), 0);
        RecordSchema[] schemas = new RecordSchema[in.readLength("schema count", 2)];
        for (int s = 0; s < schemas.length; s++) {
            schemas[s] = readSchema(in);
        }
        int count = in.readLength("record count", 2);
        List<Record> records = new ArrayList<>(count);
        long previousTimestamp = 0;
        for (int i = 0; i < count; i++) {
            Record record = RecordEncoding.read(reader, in, schemas, previousTimestamp, 0);
            previousTimestamp = record.timestamp();
            records.add(record);
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the last of the block's " + count + " records");
        }
        return records;
    }

    private static RecordSchema readSchema(BinaryInput in) {
        long at = in.offset();
        int fields = in.readLength("schema field count", 1);
        if (fields == 0) {
            throw in.corrupt("a block's schema has no fields", at);
        }
        RecordSchema schema = RecordSchema.empty();
        for (int f = 0; f < fields; f++) {
            String name = in.readNonNullString("field name");
            RecordSchema longer = schema.withNew(name);
            if (longer == null) {
                throw in.corrupt("field '" + name + "' appears twice in a schema", at);
            }
            schema = longer;
        }
        return schema;
    }

    @Override
    public String toString() {
        return "RecordBlockCodec" + Arrays.asList("v" + ValueCodec.FORMAT_VERSION);
    }
}

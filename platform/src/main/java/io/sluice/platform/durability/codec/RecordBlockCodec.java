package io.sluice.platform.durability.codec;

import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fast encoding of blocks of records for the write-ahead log: a block's distinct schemas are
 * written once, then each record as a schema index and its values, so field names cost nothing per
 * record and decoded records share one {@link RecordSchema} per layout (the instance producers use).
 * Thread-safe; encoding allocates the block it returns and nothing per record (each thread keeps
 * its buffers). Encoding a 1000-record block of WORKLOAD.md bus events costs about 70 ns per record
 * for parsed fields and 20 ns for raw JSON payloads ({@code RecordBlockCodecBenchmark} in bench/).
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
    /** Encoding buffers above this size are not kept for the thread's next block. */
    private static final int MAX_RETAINED_BUFFER = 4 << 20;

    private final ValueCodec values;
    private final ValueWriter writer;
    private final ValueReader reader;
    /** Each thread's encoding buffers, reused from block to block: a block allocates only its result. */
    private final ThreadLocal<Buffers> threadBuffers = new ThreadLocal<>();

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
        Buffers buffers = buffersOfThisThread();
        BinaryOutput body = buffers.body;
        SchemaTable schemas = new SchemaTable();
        long previousTimestamp = 0;
        int count = 0;
        for (Record record : records) {
            RecordSchema schema = record.schema();
            int schemaIndex = schema.size() == 0 ? -1 : schemas.indexOf(schema);
            try {
                RecordEncoding.write(writer, body, record, schemaIndex, previousTimestamp, 0);
            } catch (UnsupportedValueException e) {
                throw e.within("record " + count + " of a block" + (record.position() == null ? "" : ", read at " + record.position()));
            }
            previousTimestamp = record.timestamp();
            count++;
        }
        BinaryOutput head = buffers.head;
        head.write(ValueCodec.FORMAT_VERSION);
        schemas.writeTo(head);
        head.writeVarint(count);
        byte[] block = new byte[head.size() + body.size()];
        System.arraycopy(head.array(), 0, block, 0, head.size());
        System.arraycopy(body.array(), 0, block, head.size(), body.size());
        if (body.capacity() <= MAX_RETAINED_BUFFER && head.capacity() <= MAX_RETAINED_BUFFER) {
            threadBuffers.set(buffers);
        }
        return block;
    }

    /** The calling thread's buffers, emptied; taken from it until returned, so a nested call gets its own. */
    private Buffers buffersOfThisThread() {
        Buffers buffers = threadBuffers.get();
        if (buffers == null) {
            return new Buffers();
        }
        threadBuffers.set(null);
        buffers.head.truncate(0);
        buffers.body.truncate(0);
        return buffers;
    }

    /** A block is written as its records (the body) first, then the header with the schemas they use. */
    private static final class Buffers {
        final BinaryOutput head = new BinaryOutput(256);
        final BinaryOutput body = new BinaryOutput(64 * 1024);
    }

    /**
     * The records of a block {@link #encode} wrote, in order, as a new mutable list.
     *
     * @throws CorruptDataException if {@code block} is not exactly one block of a known format version
     */
    public List<Record> decode(byte[] block) {
        return decode(block, 0, block.length);
    }

    /**
     * The records of the block at {@code buffer[offset, offset + length)} (a log read into one buffer
     * need not copy each entry out); offsets in errors count from {@code offset}.
     *
     * @throws CorruptDataException      if those bytes are not exactly one block of a known format version
     * @throws IndexOutOfBoundsException if the range is not within {@code buffer}
     */
    public List<Record> decode(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        BinaryInput in = new BinaryInput(buffer, offset, offset + length, 0);
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

}

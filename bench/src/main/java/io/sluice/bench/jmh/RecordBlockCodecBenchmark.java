package io.sluice.bench.jmh;

import io.sluice.platform.durability.codec.RecordBlockCodec;
import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.format.JsonFormat;
import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The write-ahead log's block encoding on blocks of 1000 WORKLOAD.md bus events, in ns per record:
 * {@code fields} is the parsed form (what the json format makes of a line: bus, line, stop, ts,
 * boarded, alighted, capacity), {@code payload} the raw JSON line as a receiver stores it. The
 * baseline writes and reads the same fields with {@code DataOutputStream}/{@code DataInputStream}
 * over byte-array streams (the obvious hand-written encoding, without tags or versions), so the
 * codec's cost reads as a ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordBlockCodecBenchmark {
    private static final int BLOCK = 1000;
    private static final long FIRST_TIMESTAMP = 1_732_390_000_000L;

    @Param({"fields", "payload"})
    public String form;

    private final RecordBlockCodec blocks = new RecordBlockCodec(ValueCodec.standard());
    private List<Record> records;
    private byte[] block;
    private byte[] baselineBlock;

    @Setup
    public void prepare() throws IOException {
        JsonFormat json = new JsonFormat();
        byte[][] lines = WorkloadLines.first(BLOCK);
        records = new ArrayList<>(BLOCK);
        for (int k = 0; k < BLOCK; k++) {
            Record.Builder record = form.equals("fields") ? json.decode(lines[k]).toBuilder() : Record.builder().payload(lines[k]);
            records.add(record.timestamp(FIRST_TIMESTAMP + k).build());
        }
        block = blocks.encode(records);
        baselineBlock = baselineEncode();
        if (!blocks.decode(block).equals(records) || !baselineDecode().equals(records)) {
            throw new IllegalStateException("a codec does not round-trip the benchmark's records");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public byte[] encode() {
        return blocks.encode(records);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public List<Record> decode() {
        return blocks.decode(block);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public byte[] baselineEncode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(block.length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(records.size());
        for (Record r : records) {
            out.writeLong(r.timestamp());
            if (r.hasPayload()) {
                out.writeInt(r.payload().length);
                out.write(r.payload());
            } else {
                out.writeUTF((String) r.get(0));
                out.writeUTF((String) r.get(1));
                for (int i = 2; i < 7; i++) {
                    out.writeLong((Long) r.get(i));
                }
            }
        }
        return bytes.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public List<Record> baselineDecode() throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(baselineBlock));
        RecordSchema schema = records.get(0).schema();
        boolean payload = records.get(0).hasPayload();
        int count = in.readInt();
        List<Record> decoded = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long timestamp = in.readLong();
            if (payload) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                decoded.add(Record.builder().payload(bytes).timestamp(timestamp).build());
            } else {
                Object[] values = {in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong()};
                decoded.add(Record.builder().fields(schema, values).timestamp(timestamp).build());
            }
        }
        return decoded;
    }
}

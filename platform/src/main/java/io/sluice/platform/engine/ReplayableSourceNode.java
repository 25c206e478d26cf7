package io.sluice.platform.engine;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ReplayableSource}: its planner cuts each batch into splits (one partition per split) on
 * the runner thread; the reader reads the splits in parallel on the pool, fused with the steps that
 * follow. A {@link BadRecordException} escaping the reader is reported and the rest of that split is
 * skipped (readers should report bad input themselves and keep reading).
 *
 * @param <S> split type
 */
public final class ReplayableSourceNode<S> extends SourceNode<Record> {
    private final ReplayableSource<S> source;
    private final Config config;
    private SplitPlanner<S> planner;
    private SplitReader<S> reader;
    private SplitCodec<S> codec;
    /** The position to resume from, read back at restart; {@code null} when there is none. */
    private byte[] resumePosition;

    public ReplayableSourceNode(StreamGraph graph, String name, ReplayableSource<S> source, Config config) {
        super(graph, name);
        this.source = source;
        this.config = config;
    }

    @Override
    public void open(ComponentEnvironment environment) {
        super.open(environment);
        ComponentContext context = environment.context(name(), config);
        planner = source.createPlanner(context);
        reader = source.createReader(context);
        codec = source.splitCodec();
    }

    @Override
    public Partitions<Record> plan(BatchInfo batch, Tick tick) {
        return new SplitInput(List.copyOf(planner.plan(batch, maxRecordsPerBatch())));
    }

    @Override
    public String unrecoverableReason() {
        return null;
    }

    @Override
    public void writeInput(Partitions<Record> planned, Tick tick, DataOutput out) throws IOException {
        List<S> splits = ((SplitInput) planned).splits;
        out.writeInt(codec.version());
        out.writeInt(splits.size());
        for (S split : splits) {
            writeBytes(out, codec.encode(split));
        }
        writeBytes(out, planner.position());
    }

    @Override
    public Partitions<Record> readInput(DataInput in) throws IOException {
        int version = in.readInt();
        int count = DatasetFormat.nonNegative(in.readInt(), "split count");
        List<S> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(codec.decode(version, readBytes(in)));
        }
        resumePosition = readBytes(in);
        return new SplitInput(List.copyOf(splits));
    }

    @Override
    public void writePosition(DataOutput out) throws IOException {
        writeBytes(out, planner.position());
    }

    @Override
    public void readPosition(DataInput in) throws IOException {
        resumePosition = readBytes(in);
    }

    @Override
    public void resume() {
        if (resumePosition != null) {
            planner.restore(resumePosition);
            resumePosition = null;
        }
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[DatasetFormat.nonNegative(in.readInt(), "length")];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public boolean exhausted() {
        return planner.exhausted();
    }

    @Override
    public void batchFinished(BatchInfo batch, Tick tick, boolean succeeded) {
        if (succeeded) {
            planner.batchCompleted(batch);
        }
    }

    @Override
    public void close() {
        try {
            if (planner != null) {
                planner.close();
            }
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** The recorded splits of one batch. */
    private final class SplitInput implements Partitions<Record> {
        private final List<S> splits;

        SplitInput(List<S> splits) {
            this.splits = splits;
        }

        @Override
        public int count() {
            return splits.size();
        }

        @Override
        public void push(int partition, Pipe<? super Record> out) {
            S split = splits.get(partition);
            try {
                reader.read(split, out::accept);
            } catch (BadRecordException e) {
                errors().reportRaw(name() + " split " + split, new byte[0], e);
            }
            out.end();
        }
    }
}

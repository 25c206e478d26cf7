package io.sluice.platform.engine;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
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
    }

    @Override
    public Partitions<Record> plan(BatchInfo batch, Tick tick) {
        return new SplitInput(List.copyOf(planner.plan(batch, Long.MAX_VALUE)));
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

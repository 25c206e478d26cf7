package io.sluice.platform.engine;

import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import java.util.Collections;
import java.util.List;

/**
 * Writes a record stream to an SPI {@link Sink}: each partition is computed and written by its own
 * task ({@code write} concurrently for different partitions, empty partitions included), then
 * {@code commit} once on the runner thread. A retried batch is written again with the same batch id.
 */
public final class SinkOutput extends Output<Record> {
    private final Sink sink;
    private final Config config;

    public SinkOutput(Node<Record> node, String name, Sink sink, Config config) {
        super(node, name);
        this.sink = sink;
        this.config = config;
    }

    @Override
    public void open(ComponentEnvironment environment) {
        sink.open(environment.context(name(), config));
    }

    @Override
    public void run(BatchRun run) {
        Partitions<Record> in = node().partitions(run);
        run.pool().forEach(in.count(), p -> {
            List<Record> records = Dataset.collectPartition(in, p);
            sink.write(run.batch(), p, Collections.unmodifiableList(records));
            run.countOut(records.size());
        });
        sink.commit(run.batch());
    }

    @Override
    public void close() {
        sink.close();
    }
}

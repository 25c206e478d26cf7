package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.util.List;

/**
 * A {@link ReceiverSource}: one receiver, started when the context starts, stores into a
 * {@link ReceiverBuffer}; each batch gets what was stored by its batch time, split into the
 * context's shuffle-partition count of contiguous partitions.
 */
public final class ReceiverSourceNode extends SourceNode<Record> {
    private final ReceiverSource source;
    private final Config config;
    private final int partitions;
    private ComponentContext context;
    private ReceiverBuffer buffer;
    private Receiver receiver;
    private boolean started;
    private boolean stopped;

    public ReceiverSourceNode(StreamGraph graph, String name, ReceiverSource source, Config config, int partitions) {
        super(graph, name);
        this.source = source;
        this.config = config;
        this.partitions = partitions;
    }

    @Override
    public void open(ComponentEnvironment environment) {
        super.open(environment);
        context = environment.context(name(), config);
        buffer = new ReceiverBuffer(name(), environment.settings().receiverMaxPendingRecords());
        environment.metrics().gauge(name() + ".pending_records", buffer::pending);
        receiver = source.createReceiver(context);
    }

    /** Starts the receiver (context start, after every node is open). */
    public synchronized void startReceiving() {
        started = true;
        receiver.start(new EngineReceiverContext(context, buffer));
    }

    /**
     * Closes the buffer, then stops the receiver (once): from now on {@code store} is rejected —
     * including calls blocked by backpressure, which wake up with a {@code RetriableException} so
     * their records stay unacknowledged upstream and a receiver never hangs in {@code stop()} —
     * and what was stored stays pending for a last batch.
     */
    public synchronized void stopReceiving() {
        if (stopped || buffer == null) {
            return;
        }
        stopped = true;
        buffer.close();
        if (started) {
            receiver.stop();
        }
    }

    /** Takes what was stored since the last batch (cutter thread). */
    List<Record> drain() {
        return buffer.drain();
    }

    boolean hasPending() {
        return buffer.pending() > 0;
    }

    @Override
    public Partitions<Record> plan(BatchInfo batch, Tick tick) {
        return Dataset.split(tick.block(this), partitions);
    }

    @Override
    public void batchFinished(BatchInfo batch, Tick tick, boolean succeeded) {
        buffer.release(tick.block(this).size());
    }

    @Override
    public void close() {
        stopReceiving();
    }
}

package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A {@link ReceiverSource}: one receiver, started when the context starts, stores into a
 * {@link ReceiverBuffer}; each batch gets what was stored by its batch time, split into the
 * context's shuffle-partition count of contiguous partitions.
 *
 * <p>With checkpointing, the buffer writes every store to the source's write-ahead log before the
 * receiver may ack it; the batch log records each batch's range of log entries, so a restart
 * re-reads the same records, and entries no batch took yet go into the first new batch.
 */
public final class ReceiverSourceNode extends SourceNode<Record> {
    /** How long closing waits for acknowledgements of accepted records (then they come again). */
    private static final long ACK_DRAIN_MILLIS = 5_000;
    private final ReceiverSource source;
    private final Config config;
    private final int partitions;
    private ComponentContext context;
    private ReceiverBuffer buffer;
    private ReceiverLog log;
    private Receiver receiver;
    private boolean started;
    private boolean stopped;
    /** The first log entry no planned batch has taken (runner thread). */
    private long consumed;

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
        buffer.limit(maxRecordsPerBatch());
        environment.metrics().gauge(name() + ".pending_records", () -> buffer.pending());
        receiver = source.createReceiver(context);
    }

    /**
     * Makes {@link #store} durable in {@code log} (checkpointing); after open, before recovery reads
     * anything and before the receiver starts.
     */
    synchronized void useLog(ReceiverLog log, int maxPending) {
        if (started) {
            throw new IllegalStateException("receiver " + name() + " has started");
        }
        this.log = log;
        this.consumed = 0;   // without a checkpoint, every entry still in the log is unconsumed
        this.buffer = new ReceiverBuffer(name(), maxPending, log, consumed);
        this.buffer.limit(maxRecordsPerBatch());
    }

    /** Starts the receiver (context start, after every node is open and recovery is over). */
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
    ReceivedBlock drain() {
        return buffer.drain();
    }

    boolean hasPending() {
        return buffer.pending() > 0;
    }

    @Override
    public Partitions<Record> plan(BatchInfo batch, Tick tick) {
        ReceivedBlock block = tick.block(this);
        if (block.toSequence() > consumed) {
            consumed = block.toSequence();
        }
        return Dataset.split(block.records(), partitions);
    }

    @Override
    protected void rateChanged(long maxRecordsPerBatch) {
        buffer.limit(maxRecordsPerBatch);
    }

    @Override
    public void batchFinished(BatchInfo batch, Tick tick, boolean succeeded) {
        buffer.release(tick.block(this).size());
    }

    @Override
    public String unrecoverableReason() {
        return log == null ? "receiver '" + name() + "' has no write-ahead log" : null;
    }

    @Override
    public void writeInput(Partitions<Record> planned, Tick tick, DataOutput out) throws IOException {
        ReceivedBlock block = tick.block(this);
        boolean empty = block.records().isEmpty();
        out.writeLong(empty ? consumed : block.fromSequence());
        out.writeLong(empty ? consumed : block.toSequence());
    }

    @Override
    public Partitions<Record> readInput(DataInput in) throws IOException {
        long from = in.readLong();
        long to = in.readLong();
        consumed = Math.max(consumed, to);
        if (from >= to || log == null) {   // without a log (durability off) the records are gone
            return Dataset.split(List.of(), partitions);
        }
        return new LoggedInput(from, to);
    }

    /**
     * A recovered batch's records, read from the write-ahead log only when the batch runs, so a
     * restart does not hold every replayed batch in memory (nor wait for all of them to be read).
     */
    private final class LoggedInput implements Partitions<Record> {
        private final long from;
        private final long to;
        private Dataset<Record> records;

        LoggedInput(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public int count() {
            return partitions;
        }

        @Override
        public void push(int partition, Pipe<? super Record> out) {
            loaded().push(partition, out);
        }

        private synchronized Dataset<Record> loaded() {
            if (records == null) {
                records = Dataset.split(log.read(from, to), partitions);
            }
            return records;
        }
    }

    @Override
    public void writePosition(DataOutput out) throws IOException {
        out.writeLong(consumed);
    }

    @Override
    public void readPosition(DataInput in) throws IOException {
        consumed = in.readLong();
    }

    /** Puts the log entries no batch took before the restart into the next batch. */
    @Override
    public void resume() {
        if (log != null) {
            log.forEach(consumed, log.durableSequence(), buffer::recovered);
        }
    }

    /** Log entries below this are in planned batches. */
    long consumed() {
        return consumed;
    }

    ReceiverLog log() {
        return log;
    }

    /** Stops the receiver, then lets the records it had accepted be acknowledged once durable. */
    @Override
    public void close() {
        stopReceiving();
        if (buffer != null) {
            try {
                buffer.finishAcknowledgements(ACK_DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A node without parents whose input is planned once per batch, before the batch is computed, and
 * recorded in the {@link BatchInput}; every attempt of the batch reads that same input. Counts the
 * records it delivers as the batch's records in.
 *
 * @param <T> element type
 */
public abstract class SourceNode<T> extends Node<T> {
    protected SourceNode(StreamGraph graph, String name) {
        super(graph, "source", List.of());
        rename(name);
    }

    private RateController rate;

    @Override
    public void open(ComponentEnvironment environment) {
        super.open(environment);
        EngineSettings settings = environment.settings();
        if (settings.backpressure().limits()) {
            rate = new RateController(settings.backpressure(), settings.intervalMillis());
            environment.metrics().gauge(name() + ".rate_limit", () -> rate.rate());
        }
    }

    /** How many records the next batch may take from this source (backpressure, maximum rate). */
    protected long maxRecordsPerBatch() {
        return rate == null ? Long.MAX_VALUE : rate.maxRecordsPerBatch();
    }

    /**
     * A batch this source fed succeeded: tells the rate controller how it went (runner thread).
     *
     * @param records          records this source fed the batch
     * @param processingMillis how long the batch took, on the engine clock
     * @param schedulingMillis how long it waited before it started
     */
    void batchMeasured(long timeMillis, long records, long processingMillis, long schedulingMillis) {
        if (rate != null) {
            rate.batchCompleted(timeMillis, records, processingMillis, schedulingMillis);
            rateChanged(maxRecordsPerBatch());
        }
    }

    /** The per-batch limit changed; a receiver bounds what it accepts by it. */
    protected void rateChanged(long maxRecordsPerBatch) {
    }

    /**
     * Decides this source's input for {@code batch}. Called once per batch, on the batch-runner
     * thread, in batch order.
     */
    public abstract Partitions<T> plan(BatchInfo batch, Tick tick);

    /** Whether this source is bounded and has planned all of its input. */
    public boolean exhausted() {
        return false;
    }

    /** The batch is over (succeeded, or failed for good); called once per planned batch, runner thread. */
    public void batchFinished(BatchInfo batch, Tick tick, boolean succeeded) {
    }

    /**
     * Why a restart could not re-create this source's input from the batch log, or {@code null} if
     * it can: then {@link #writeInput}, {@link #readInput} and the position methods work.
     */
    public String unrecoverableReason() {
        return "source '" + name() + "' cannot replay its input after a restart";
    }

    /** Writes what {@link #plan} decided for a batch, for the batch log (runner thread, after plan). */
    public void writeInput(Partitions<T> planned, Tick tick, DataOutput out) throws IOException {
        throw new UnsupportedOperationException(unrecoverableReason());
    }

    /**
     * Re-creates an input {@link #writeInput} wrote (restart, runner thread, in batch order); the
     * source's position moves past it once {@link #resume} is called.
     */
    public Partitions<T> readInput(DataInput in) throws IOException {
        throw new UnsupportedOperationException(unrecoverableReason());
    }

    /** Writes the position after the last planned batch, for a checkpoint. */
    public void writePosition(DataOutput out) throws IOException {
        throw new UnsupportedOperationException(unrecoverableReason());
    }

    /** Reads a position {@link #writePosition} wrote; it takes effect on {@link #resume}. */
    public void readPosition(DataInput in) throws IOException {
        throw new UnsupportedOperationException(unrecoverableReason());
    }

    /**
     * Recovery is over: continue after the last batch read back (checkpoint position, then every
     * logged batch). Called once, before receivers start and before the first new batch is planned.
     */
    public void resume() {
    }

    @Override
    protected final Partitions<T> compute(BatchRun run) {
        Partitions<T> input = run.input(this);
        return new Partitions<>() {
            @Override
            public int count() {
                return input.count();
            }

            @Override
            public void push(int partition, Pipe<? super T> out) {
                input.push(partition, new Pipe<T>() {
                    private long records;

                    @Override
                    public void accept(T element) {
                        records++;
                        out.accept(element);
                    }

                    @Override
                    public void end() {
                        run.countIn(SourceNode.this, records);
                        out.end();
                    }
                });
            }
        };
    }
}

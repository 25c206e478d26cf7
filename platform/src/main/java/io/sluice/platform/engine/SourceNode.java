package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
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
                        run.countIn(records);
                        out.end();
                    }
                });
            }
        };
    }
}

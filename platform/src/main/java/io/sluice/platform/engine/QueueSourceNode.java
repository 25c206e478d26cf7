package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Spark's {@code queueStream} (one element list per batch): each batch polls one list from the
 * queue, split into contiguous partitions; an empty batch when the queue is empty. With
 * {@code finishWhenDrained}, the source counts as exhausted once the queue is empty, so a context
 * whose sources are all exhausted stops by itself. The queue is read under its own monitor.
 *
 * @param <T> element type
 */
public final class QueueSourceNode<T> extends SourceNode<T> {
    private final Queue<? extends List<T>> queue;
    private final boolean finishWhenDrained;
    private final int partitions;

    public QueueSourceNode(StreamGraph graph, String name, Queue<? extends List<T>> queue,
            boolean finishWhenDrained, int partitions) {
        super(graph, name);
        this.queue = queue;
        this.finishWhenDrained = finishWhenDrained;
        this.partitions = partitions;
    }

    @Override
    public Partitions<T> plan(BatchInfo batch, Tick tick) {
        List<T> next;
        synchronized (queue) {
            next = queue.poll();
        }
        return Dataset.split(next == null ? List.of() : new ArrayList<>(next), partitions);
    }

    @Override
    public String unrecoverableReason() {
        return "queue stream '" + name() + "' cannot be replayed after a restart (as Spark's queueStream): "
                + "checkpointing needs replayable or receiver sources";
    }

    @Override
    public boolean exhausted() {
        if (!finishWhenDrained) {
            return false;
        }
        synchronized (queue) {
            return queue.isEmpty();
        }
    }
}

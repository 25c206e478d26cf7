package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Spark's {@code window(length, slide)}: every {@code slide} batches, the elements of the parent's
 * results of the last {@code length} batches, oldest batch first (each batch's partitions in order).
 * Early windows, before {@code length} batches exist, hold what there is. The node keeps the
 * parent's last datasets (immutable, so nothing is copied); a batch's dataset joins the history
 * only when the batch commits, so a retried batch sees the same window.
 *
 * @param <T> element type
 */
public final class WindowNode<T> extends Node<T> {
    private final Node<T> parent;
    private final int lengthBatches;
    /** Committed parent results, oldest first: batch id and dataset. Runner thread only. */
    private final Deque<Slice<T>> history = new ArrayDeque<>();

    private record Slice<T>(long batchId, Dataset<T> dataset) {
    }

    public WindowNode(Node<T> parent, WindowSpan span) {
        super(parent.graph(), "window", List.of(parent), span.slideBatches());
        this.parent = parent;
        this.lengthBatches = span.lengthBatches();
    }

    @Override
    protected void advance(BatchRun run) {
        long id = run.batch().id();
        if (!parent.isValidAt(id)) {
            return;
        }
        Dataset<T> current = parent.dataset(run);
        run.onCommit(() -> {
            history.addLast(new Slice<>(id, current));
            while (!history.isEmpty() && history.peekFirst().batchId() <= id - lengthBatches) {
                history.removeFirst();
            }
        });
    }

    @Override
    public NodeState state() {
        return new NodeState() {
            @Override
            public String kind() {
                return "window";
            }

            @Override
            public void write(DataOutput out, ValueCodec values) throws IOException {
                out.writeInt(history.size());
                for (Slice<T> slice : history) {
                    out.writeLong(slice.batchId());
                    DatasetFormat.write(slice.dataset(), out, values);
                }
            }

            @Override
            public void read(DataInput in, ValueCodec values) throws IOException {
                history.clear();
                int slices = DatasetFormat.nonNegative(in.readInt(), "window slice count");
                for (int i = 0; i < slices; i++) {
                    long batchId = in.readLong();
                    history.addLast(new Slice<>(batchId, DatasetFormat.read(in, values)));
                }
            }
        };
    }

    @Override
    protected Partitions<T> compute(BatchRun run) {
        long id = run.batch().id();
        List<Dataset<T>> window = new ArrayList<>();
        for (Slice<T> slice : history) {
            if (slice.batchId() > id - lengthBatches && slice.batchId() < id) {
                window.add(slice.dataset());
            }
        }
        window.add(parent.dataset(run));
        return new ConcatenatedPartitions<>(window);
    }
}

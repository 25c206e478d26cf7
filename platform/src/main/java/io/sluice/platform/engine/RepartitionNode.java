package io.sluice.platform.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a batch evenly over a new number of partitions: the element at position {@code i} of the
 * batch (counting across input partitions in order) goes to partition {@code i % partitions}, in
 * order. Unlike Spark's random start, deterministic: the output does not depend on how the input was
 * partitioned or on thread count.
 *
 * @param <T> element type
 */
public final class RepartitionNode<T> extends Node<T> {
    private final Node<T> parent;
    private final int partitions;

    public RepartitionNode(Node<T> parent, int partitions) {
        super(parent.graph(), "repartition", List.of(parent));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.parent = parent;
        this.partitions = partitions;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    protected Partitions<T> compute(BatchRun run) {
        Dataset<T> in = Dataset.collect(parent.partitions(run), run.pool());
        long[] offsets = new long[in.count()];
        for (int m = 1; m < offsets.length; m++) {
            offsets[m] = offsets[m - 1] + in.partition(m - 1).size();
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<T>[][] buckets = new List[in.count()][];
        run.pool().forEach(in.count(), m -> {
            List<T> source = in.partition(m);
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<T>[] mine = new List[partitions];
            for (int j = 0; j < source.size(); j++) {
                int r = (int) ((offsets[m] + j) % partitions);
                if (mine[r] == null) {
                    mine[r] = new ArrayList<>();
                }
                mine[r].add(source.get(j));
            }
            buckets[m] = mine;
        });
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            List<T> out = new ArrayList<>();
            for (List<T>[] mine : buckets) {
                if (mine[r] != null) {
                    out.addAll(mine[r]);
                }
            }
            return out;
        });
    }
}

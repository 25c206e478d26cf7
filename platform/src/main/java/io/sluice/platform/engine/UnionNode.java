package io.sluice.platform.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The union of several streams in one batch: the parents' partitions one after the other
 * (partition count = the sum), without copying.
 *
 * @param <T> element type
 */
public final class UnionNode<T> extends Node<T> {
    private final List<Node<? extends T>> inputs;

    public UnionNode(List<? extends Node<? extends T>> inputs) {
        super(first(inputs).graph(), "union", inputs);
        this.inputs = List.copyOf(inputs);
    }

    private static <N extends Node<?>> N first(List<N> inputs) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("a union needs at least two streams: " + inputs);
        }
        return inputs.get(0);
    }

    @Override
    protected Partitions<T> compute(BatchRun run) {
        List<Partitions<? extends T>> parts = new ArrayList<>(inputs.size());
        for (Node<? extends T> input : inputs) {
            parts.add(input.partitions(run));
        }
        return new ConcatenatedPartitions<>(parts);
    }
}

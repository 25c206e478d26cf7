package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Spark's {@code transform} / {@code transformWith}: a function over whole batches. Each batch,
 * the parents' results are collected (each as one list, partition after partition) and handed to
 * the function on the runner thread; its result is cut into {@code partitions} contiguous
 * partitions, in the order returned.
 *
 * @param <R> element type of the result
 */
public final class TransformNode<R> extends Node<R> {
    private final BiFunction<BatchInfo, List<List<?>>, List<? extends R>> function;
    private final int partitions;

    /**
     * @param function called with the batch and one list per parent (in {@code parents} order);
     *                 must not return {@code null}
     */
    public TransformNode(List<? extends Node<?>> parents, BiFunction<BatchInfo, List<List<?>>, List<? extends R>> function,
            int partitions) {
        super(parents.get(0).graph(), "transform", parents);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.function = Objects.requireNonNull(function, "function");
        this.partitions = partitions;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    protected Partitions<R> compute(BatchRun run) {
        List<List<?>> inputs = new ArrayList<>();
        for (Node<?> parent : parents()) {
            inputs.add(parent.dataset(run).elements());
        }
        List<? extends R> result = Objects.requireNonNull(function.apply(run.batch(), inputs),
                () -> "the transform function of " + name() + " returned null; return an empty list instead");
        return Dataset.split(new ArrayList<R>(result), partitions);
    }
}

package io.sluice.platform.engine;

import java.util.List;

/**
 * A node applying a {@link NarrowStep} to its parent: lazily, so consecutive narrow nodes compose
 * into one push chain per partition and no list is built between them. Keeps the parent's
 * partitioning (partition {@code p} in, partition {@code p} out).
 *
 * @param <I> input element type
 * @param <O> output element type
 */
public final class NarrowNode<I, O> extends Node<O> {
    private final Node<I> parent;
    private final NarrowStep<I, O> step;

    public NarrowNode(String kind, Node<I> parent, NarrowStep<I, O> step) {
        super(parent.graph(), kind, List.of(parent));
        this.parent = parent;
        this.step = step;
    }

    @Override
    protected Partitions<O> compute(BatchRun run) {
        Partitions<I> in = parent.partitions(run);
        return new Partitions<>() {
            @Override
            public int count() {
                return in.count();
            }

            @Override
            public void push(int partition, Pipe<? super O> out) {
                in.push(partition, step.wrap(out, new PartitionContext(run, partition, name(), errors())));
            }
        };
    }

    @Override
    public NodeState state() {
        return step.state();
    }

    @Override
    public void open(ComponentEnvironment environment) {
        super.open(environment);
        step.open(environment, name());
    }

    @Override
    public void close() {
        step.close();
    }
}

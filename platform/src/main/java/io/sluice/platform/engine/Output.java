package io.sluice.platform.engine;

import java.util.Objects;

/**
 * Something done with a stream every batch (foreach-batch, print, a sink): what makes the engine
 * compute the stream. Outputs run one after the other, in registration order, on the batch-runner
 * thread (their partition work on the pool).
 *
 * @param <T> element type of the stream written
 */
public abstract class Output<T> {
    private final Node<T> node;
    private final String name;

    protected Output(Node<T> node, String name) {
        this.node = Objects.requireNonNull(node, "node");
        this.name = Objects.requireNonNull(name, "name");
        node.graph().addOutput(this);
    }

    public Node<T> node() {
        return node;
    }

    public String name() {
        return name;
    }

    /** Computes the stream's batch and delivers it; counts what it delivers with {@link BatchRun#countOut}. */
    public abstract void run(BatchRun run);

    /** Called once at start, after the nodes were opened. */
    public void open(ComponentEnvironment environment) {
    }

    /** Called once at stop, before the nodes are closed, if {@link #open} was called. */
    public void close() {
    }

    @Override
    public String toString() {
        return name;
    }
}

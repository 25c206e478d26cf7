package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Hands each batch of a stream, as one list (partition after partition), to an action on the
 * batch-runner thread. {@code print} is one of these.
 *
 * @param <T> element type
 */
public final class ForeachBatchOutput<T> extends Output<T> {
    private final BiConsumer<BatchInfo, List<T>> action;

    public ForeachBatchOutput(Node<T> node, String name, BiConsumer<BatchInfo, List<T>> action) {
        super(node, name);
        this.action = action;
    }

    @Override
    public void run(BatchRun run) {
        List<T> elements = Dataset.collect(node().partitions(run), run.pool()).elements();
        run.countOut(elements.size());
        action.accept(run.batch(), elements);
    }
}

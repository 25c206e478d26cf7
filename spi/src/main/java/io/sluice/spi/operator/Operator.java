package io.sluice.spi.operator;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;

/**
 * One step applied to every record. One operator instance serves a pipeline step: {@link #process}
 * is called concurrently from the threads of different partitions, so keep per-call data local
 * (the operator's own fields are read-only after {@link #open}). Within a partition, calls are in
 * record order, and {@link #endOfPartition} follows the last record of the partition in a batch.
 *
 * <pre>{@code
 * final class FilterOperator implements Operator {
 *     private final CompiledExpression condition;
 *     public void process(Record record, OperatorContext ctx, Emitter out) {
 *         if (condition.test(record)) out.emit(record);
 *     }
 * }
 * }</pre>
 */
public interface Operator extends AutoCloseable {
    /** Called once before the first record, on the scheduler thread. */
    default void open(ComponentContext context) {
    }

    /**
     * Processes one record, emitting zero or more records to {@code out}. A record that cannot be
     * processed is reported with a {@link io.sluice.spi.BadRecordException} (thrown) or through
     * the context's error reporter; it must not fail silently.
     */
    void process(Record record, OperatorContext context, Emitter out);

    /** Called after the last record of a partition of a batch (e.g. to flush per-partition buffers). */
    default void endOfPartition(OperatorContext context, Emitter out) {
    }

    /** Releases resources; called once. */
    @Override
    default void close() {
    }
}

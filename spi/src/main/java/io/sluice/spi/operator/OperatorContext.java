package io.sluice.spi.operator;

import io.sluice.spi.BatchInfo;

/**
 * Per-call information for an {@link Operator}: which batch and partition a record belongs to and,
 * for keyed operators, the state of the record's key.
 *
 * <pre>{@code
 * Record previous = ctx.state().get();
 * long total = (previous == null ? 0 : previous.getLong("total")) + record.getLong("delta");
 * ctx.state().set(Record.builder().field("total", total).build());
 * }</pre>
 */
public interface OperatorContext {
    BatchInfo batch();

    /** The partition being processed, from 0. */
    int partition();

    /**
     * The current record's key state.
     *
     * @throws IllegalStateException if the operator's factory is not {@link OperatorFactory#keyed()}
     */
    KeyedState state();
}

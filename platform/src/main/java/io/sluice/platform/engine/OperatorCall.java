package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.operator.KeyedState;
import io.sluice.spi.operator.OperatorContext;

/**
 * The {@link OperatorContext} of one partition of one batch; for keyed operators also the
 * {@link KeyedState} of the record being processed. One per partition task, not thread-safe.
 */
final class OperatorCall implements OperatorContext, KeyedState {
    private final BatchInfo batch;
    private final int partition;
    private final StateUpdate<Object, Record> state;
    private Object key;
    private boolean inRecord;

    OperatorCall(BatchInfo batch, int partition, StateUpdate<Object, Record> state) {
        this.batch = batch;
        this.partition = partition;
        this.state = state;
    }

    void enter(Object recordKey) {
        key = recordKey;
        inRecord = true;
    }

    void leave() {
        key = null;
        inRecord = false;
    }

    @Override
    public BatchInfo batch() {
        return batch;
    }

    @Override
    public int partition() {
        return partition;
    }

    @Override
    public KeyedState state() {
        if (state == null) {
            throw new IllegalStateException("this operator is not keyed: its factory's keyed() is false");
        }
        if (!inRecord) {
            throw new IllegalStateException("keyed state belongs to a record's key; there is none in endOfPartition");
        }
        return this;
    }

    @Override
    public Record get() {
        return state.get(key);
    }

    @Override
    public void set(Record value) {
        state.put(key, value);
    }

    @Override
    public void clear() {
        state.remove(key);
    }
}

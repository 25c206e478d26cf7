package io.sluice.spi.testkit;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.operator.KeyedState;
import io.sluice.spi.operator.OperatorContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@link OperatorContext} for operator tests: a batch, a partition and, for keyed operators, an
 * in-memory state per key; {@link #forKey} selects the key whose state {@link #state()} is. Not
 * thread-safe.
 *
 * <pre>{@code
 * TestOperatorContext ctx = TestOperatorContext.forBatch(1);
 * operator.process(record, ctx.forKey(record.key()), out);
 * assertThat(ctx.stateOf("bus-0042").getLong("count")).isEqualTo(1);
 * }</pre>
 */
public final class TestOperatorContext implements OperatorContext {
    private final BatchInfo batch;
    private final int partition;
    private final Map<Object, Record> states = new HashMap<>();
    private Object currentKey;
    private boolean keySelected;

    public TestOperatorContext(BatchInfo batch, int partition) {
        this.batch = batch;
        this.partition = partition;
    }

    /** Partition 0 of batch {@code id} (1 s interval, at {@link TestComponentContext#DEFAULT_TIME} + id seconds). */
    public static TestOperatorContext forBatch(long id) {
        return new TestOperatorContext(new BatchInfo(id, TestComponentContext.DEFAULT_TIME.plusSeconds(id), Duration.ofSeconds(1)), 0);
    }

    /** Makes {@code key} the current key, whose state {@link #state()} returns; returns this context. */
    public TestOperatorContext forKey(Object key) {
        this.currentKey = key;
        this.keySelected = true;
        return this;
    }

    /** The state kept for {@code key}, or {@code null}. */
    public Record stateOf(Object key) {
        return states.get(key);
    }

    @Override
    public BatchInfo batch() {
        return batch;
    }

    @Override
    public int partition() {
        return partition;
    }

    /**
     * @throws IllegalStateException if no key was selected with {@link #forKey}
     */
    @Override
    public KeyedState state() {
        if (!keySelected) {
            throw new IllegalStateException("no current key: call forKey(key) first (only keyed operators have state)");
        }
        Object key = currentKey;
        return new KeyedState() {
            @Override
            public Record get() {
                return states.get(key);
            }

            @Override
            public void set(Record value) {
                states.put(key, value);
            }

            @Override
            public void clear() {
                states.remove(key);
            }
        };
    }
}

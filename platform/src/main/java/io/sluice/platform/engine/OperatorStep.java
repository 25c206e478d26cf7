package io.sluice.platform.engine;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.Operator;
import java.util.List;

/**
 * An SPI {@link Operator} as a narrow step. Opened once with its component context; called per
 * record with an {@link OperatorCall} (batch, partition and, when keyed, the record key's state),
 * then {@code endOfPartition}. A keyed operator must follow a hash shuffle by record key with as
 * many partitions as it has state stores: its state for partition {@code p} lives in store {@code p}
 * and changes only when the batch commits.
 */
public final class OperatorStep implements NarrowStep<Record, Record> {
    private final Operator operator;
    private final Config config;
    private final List<StateStore<Object, Record>> state;

    private OperatorStep(Operator operator, Config config, List<StateStore<Object, Record>> state) {
        this.operator = operator;
        this.config = config;
        this.state = state;
    }

    public static OperatorStep stateless(Operator operator, Config config) {
        return new OperatorStep(operator, config, null);
    }

    /** A keyed operator whose input is shuffled by record key into {@code partitions} partitions. */
    public static OperatorStep keyed(Operator operator, Config config, int partitions) {
        return new OperatorStep(operator, config, InMemoryStateStore.perPartition(partitions));
    }

    @Override
    public void open(ComponentEnvironment environment, String nodeName) {
        operator.open(environment.context(nodeName, config));
    }

    @Override
    public void close() {
        operator.close();
    }

    @Override
    public NodeState state() {
        return state == null ? null : StateStores.nodeState("keyed-operator", state, r -> r, r -> (Record) r);
    }

    @Override
    public Pipe<Record> wrap(Pipe<? super Record> out, PartitionContext context) {
        StateUpdate<Object, Record> staged = null;
        if (state != null) {
            staged = state.get(context.partition()).begin();
            context.run().onCommit(staged::commit);
        }
        OperatorCall call = new OperatorCall(context.batch(), context.partition(), staged);
        Emitter emitter = out::accept;
        return new Pipe<>() {
            @Override
            public void accept(Record record) {
                call.enter(record.key());
                try {
                    operator.process(record, call, emitter);
                } catch (BadRecordException e) {
                    context.reportBad(record, e);
                } finally {
                    call.leave();
                }
            }

            @Override
            public void end() {
                operator.endOfPartition(call, emitter);
                out.end();
            }
        };
    }
}

package io.sluice.platform.plugin.internal;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;

/** A plugin's {@link Operator}, called with the plugin's context class loader (per record, too). */
final class PluginOperator implements Operator {
    private final Operator delegate;
    private final ContextLoader context;

    PluginOperator(Operator delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public void open(ComponentContext componentContext) {
        ClassLoader previous = context.enter();
        try {
            delegate.open(componentContext);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void process(Record record, OperatorContext operatorContext, Emitter out) {
        ClassLoader previous = context.enter();
        try {
            delegate.process(record, operatorContext, out);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void endOfPartition(OperatorContext operatorContext, Emitter out) {
        ClassLoader previous = context.enter();
        try {
            delegate.endOfPartition(operatorContext, out);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void close() {
        ClassLoader previous = context.enter();
        try {
            delegate.close();
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin operator " + delegate.getClass().getName();
    }
}

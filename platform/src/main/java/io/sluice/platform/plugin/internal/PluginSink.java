package io.sluice.platform.plugin.internal;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.sink.Sink;
import java.util.List;

/** A plugin's {@link Sink}, called with the plugin's context class loader. */
final class PluginSink implements Sink {
    private final Sink delegate;
    private final ContextLoader context;

    PluginSink(Sink delegate, ContextLoader context) {
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
    public void write(BatchInfo batch, int partition, List<Record> records) {
        ClassLoader previous = context.enter();
        try {
            delegate.write(batch, partition, records);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void commit(BatchInfo batch) {
        ClassLoader previous = context.enter();
        try {
            delegate.commit(batch);
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
        return "plugin sink " + delegate.getClass().getName();
    }
}

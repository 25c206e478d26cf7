package io.sluice.platform.plugin.internal;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.source.SplitPlanner;
import java.util.List;

/** A plugin's {@link SplitPlanner}, called with the plugin's context class loader. */
final class PluginSplitPlanner<S> implements SplitPlanner<S> {
    private final SplitPlanner<S> delegate;
    private final ContextLoader context;

    PluginSplitPlanner(SplitPlanner<S> delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public List<S> plan(BatchInfo batch, long maxRecords) {
        ClassLoader previous = context.enter();
        try {
            return delegate.plan(batch, maxRecords);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public byte[] position() {
        return context.call(delegate::position);
    }

    @Override
    public void restore(byte[] position) {
        ClassLoader previous = context.enter();
        try {
            delegate.restore(position);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void batchCompleted(BatchInfo batch) {
        ClassLoader previous = context.enter();
        try {
            delegate.batchCompleted(batch);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public boolean exhausted() {
        return context.call(delegate::exhausted);
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
        return "plugin split planner " + delegate.getClass().getName();
    }
}

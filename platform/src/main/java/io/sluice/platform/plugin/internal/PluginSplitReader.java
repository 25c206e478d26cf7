package io.sluice.platform.plugin.internal;

import io.sluice.spi.Emitter;
import io.sluice.spi.source.SplitReader;

/** A plugin's {@link SplitReader}, called with the plugin's context class loader. */
final class PluginSplitReader<S> implements SplitReader<S> {
    private final SplitReader<S> delegate;
    private final ContextLoader context;

    PluginSplitReader(SplitReader<S> delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public void read(S split, Emitter out) {
        ClassLoader previous = context.enter();
        try {
            delegate.read(split, out);
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
        return "plugin split reader " + delegate.getClass().getName();
    }
}

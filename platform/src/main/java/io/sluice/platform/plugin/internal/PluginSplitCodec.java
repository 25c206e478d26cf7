package io.sluice.platform.plugin.internal;

import io.sluice.spi.source.SplitCodec;

/** A plugin's {@link SplitCodec}, called with the plugin's context class loader. */
final class PluginSplitCodec<S> implements SplitCodec<S> {
    private final SplitCodec<S> delegate;
    private final ContextLoader context;

    PluginSplitCodec(SplitCodec<S> delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public int version() {
        return context.call(delegate::version);
    }

    @Override
    public byte[] encode(S split) {
        ClassLoader previous = context.enter();
        try {
            return delegate.encode(split);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public S decode(int version, byte[] bytes) {
        ClassLoader previous = context.enter();
        try {
            return delegate.decode(version, bytes);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin split codec " + delegate.getClass().getName();
    }
}

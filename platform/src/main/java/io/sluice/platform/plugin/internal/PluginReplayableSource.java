package io.sluice.platform.plugin.internal;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;

/** A plugin's {@link ReplayableSource}; what it creates is wrapped too. */
final class PluginReplayableSource<S> implements ReplayableSource<S> {
    private final ReplayableSource<S> delegate;
    private final ContextLoader context;

    PluginReplayableSource(ReplayableSource<S> delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public SplitCodec<S> splitCodec() {
        ClassLoader previous = context.enter();
        try {
            return new PluginSplitCodec<>(PluginComponents.checked(delegate.splitCodec(), delegate, "splitCodec"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public SplitPlanner<S> createPlanner(ComponentContext componentContext) {
        ClassLoader previous = context.enter();
        try {
            return new PluginSplitPlanner<>(
                    PluginComponents.checked(delegate.createPlanner(componentContext), delegate, "createPlanner"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public SplitReader<S> createReader(ComponentContext componentContext) {
        ClassLoader previous = context.enter();
        try {
            return new PluginSplitReader<>(
                    PluginComponents.checked(delegate.createReader(componentContext), delegate, "createReader"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin source " + delegate.getClass().getName();
    }
}

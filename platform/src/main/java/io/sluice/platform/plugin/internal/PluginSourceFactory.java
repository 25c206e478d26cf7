package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;

/** A plugin's {@link SourceFactory}, called with the plugin's context class loader. */
final class PluginSourceFactory implements SourceFactory {
    private final SourceFactory delegate;
    private final ContextLoader context;

    PluginSourceFactory(SourceFactory delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public String type() {
        return context.call(delegate::type);
    }

    @Override
    public String description() {
        return context.call(delegate::description);
    }

    @Override
    public ConfigSpec configSpec() {
        return context.call(delegate::configSpec);
    }

    @Override
    public Source create(Config config) {
        ClassLoader previous = context.enter();
        try {
            return PluginComponents.wrapSource(delegate.create(config), context, delegate);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin source factory " + delegate.getClass().getName();
    }
}

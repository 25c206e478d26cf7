package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;

/** A plugin's {@link SourceFactory}, called with the plugin's context class loader. */
final class PluginSourceFactory extends PluginFactory<SourceFactory> implements SourceFactory {
    PluginSourceFactory(SourceFactory delegate, ContextLoader context) {
        super(delegate, context, "source");
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
}

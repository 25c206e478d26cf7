package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;

/** A plugin's {@link SinkFactory}, called with the plugin's context class loader. */
final class PluginSinkFactory extends PluginFactory<SinkFactory> implements SinkFactory {
    PluginSinkFactory(SinkFactory delegate, ContextLoader context) {
        super(delegate, context, "sink");
    }

    @Override
    public Sink create(Config config) {
        ClassLoader previous = context.enter();
        try {
            return new PluginSink(PluginComponents.checked(delegate.create(config), delegate, "create"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }
}

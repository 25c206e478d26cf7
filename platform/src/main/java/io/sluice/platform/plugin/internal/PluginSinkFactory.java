package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;

/** A plugin's {@link SinkFactory}, called with the plugin's context class loader. */
final class PluginSinkFactory implements SinkFactory {
    private final SinkFactory delegate;
    private final ContextLoader context;

    PluginSinkFactory(SinkFactory delegate, ContextLoader context) {
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
    public Sink create(Config config) {
        ClassLoader previous = context.enter();
        try {
            return new PluginSink(PluginComponents.checked(delegate.create(config), delegate, "create"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin sink factory " + delegate.getClass().getName();
    }
}

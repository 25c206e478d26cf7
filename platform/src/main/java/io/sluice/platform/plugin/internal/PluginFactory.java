package io.sluice.platform.plugin.internal;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.config.ConfigSpec;

/**
 * What every plugin factory decorator shares: the plugin's factory, its class loader, and the
 * description calls made with that loader as context class loader.
 *
 * @param <F> the SPI factory type
 */
abstract class PluginFactory<F extends ComponentFactory> implements ComponentFactory {
    protected final F delegate;
    protected final ContextLoader context;
    private final String kind;

    PluginFactory(F delegate, ContextLoader context, String kind) {
        this.delegate = delegate;
        this.context = context;
        this.kind = kind;
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
    public String toString() {
        return "plugin " + kind + " factory " + delegate.getClass().getName();
    }
}

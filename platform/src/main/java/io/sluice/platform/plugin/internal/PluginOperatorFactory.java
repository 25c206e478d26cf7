package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;

/** A plugin's {@link OperatorFactory}, called with the plugin's context class loader. */
final class PluginOperatorFactory implements OperatorFactory {
    private final OperatorFactory delegate;
    private final ContextLoader context;

    PluginOperatorFactory(OperatorFactory delegate, ContextLoader context) {
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
    public Operator create(Config config) {
        ClassLoader previous = context.enter();
        try {
            return new PluginOperator(PluginComponents.checked(delegate.create(config), delegate, "create"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public boolean keyed() {
        return context.call(delegate::keyed);
    }

    @Override
    public String toString() {
        return "plugin operator factory " + delegate.getClass().getName();
    }
}

package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;

/** A plugin's {@link OperatorFactory}, called with the plugin's context class loader. */
final class PluginOperatorFactory extends PluginFactory<OperatorFactory> implements OperatorFactory {
    PluginOperatorFactory(OperatorFactory delegate, ContextLoader context) {
        super(delegate, context, "operator");
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
}

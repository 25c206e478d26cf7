package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.BatchTransformFactory;

/** A plugin's {@link BatchTransformFactory}, called with the plugin's context class loader. */
final class PluginBatchTransformFactory implements BatchTransformFactory {
    private final BatchTransformFactory delegate;
    private final ContextLoader context;

    PluginBatchTransformFactory(BatchTransformFactory delegate, ContextLoader context) {
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
    public BatchTransform create(Config config) {
        ClassLoader previous = context.enter();
        try {
            return new PluginBatchTransform(PluginComponents.checked(delegate.create(config), delegate, "create"),
                    context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin batch transform factory " + delegate.getClass().getName();
    }
}

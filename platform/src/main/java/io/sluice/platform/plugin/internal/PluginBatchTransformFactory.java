package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.BatchTransformFactory;

/** A plugin's {@link BatchTransformFactory}, called with the plugin's context class loader. */
final class PluginBatchTransformFactory extends PluginFactory<BatchTransformFactory> implements BatchTransformFactory {
    PluginBatchTransformFactory(BatchTransformFactory delegate, ContextLoader context) {
        super(delegate, context, "batch transform");
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
}

package io.sluice.platform.plugin.internal;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.operator.BatchTransform;
import java.util.List;

/** A plugin's {@link BatchTransform}, called with the plugin's context class loader. */
final class PluginBatchTransform implements BatchTransform {
    private final BatchTransform delegate;
    private final ContextLoader context;

    PluginBatchTransform(BatchTransform delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public void open(ComponentContext componentContext) {
        ClassLoader previous = context.enter();
        try {
            delegate.open(componentContext);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public List<Record> transform(BatchInfo batch, List<Record> records) {
        ClassLoader previous = context.enter();
        try {
            return PluginComponents.checked(delegate.transform(batch, records), delegate, "transform");
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public List<Record> transformWith(BatchInfo batch, List<Record> records, List<Record> other) {
        ClassLoader previous = context.enter();
        try {
            return PluginComponents.checked(delegate.transformWith(batch, records, other), delegate, "transformWith");
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void close() {
        ClassLoader previous = context.enter();
        try {
            delegate.close();
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin batch transform " + delegate.getClass().getName();
    }
}

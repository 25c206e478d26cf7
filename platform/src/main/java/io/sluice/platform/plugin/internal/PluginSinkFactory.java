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
        ClassLoader previous = context.enter();
        try {
            return delegate.type();
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String description() {
        ClassLoader previous = context.enter();
        try {
            return delegate.description();
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public ConfigSpec configSpec() {
        ClassLoader previous = context.enter();
        try {
            return delegate.configSpec();
        } finally {
            ContextLoader.exit(previous);
        }
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

package io.sluice.platform.plugin.internal;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;

/** A plugin's {@link SourceFactory}, called with the plugin's context class loader. */
final class PluginSourceFactory implements SourceFactory {
    private final SourceFactory delegate;
    private final ContextLoader context;

    PluginSourceFactory(SourceFactory delegate, ContextLoader context) {
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
    public Source create(Config config) {
        ClassLoader previous = context.enter();
        try {
            return PluginComponents.wrapSource(delegate.create(config), context, delegate);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin source factory " + delegate.getClass().getName();
    }
}

package io.sluice.platform.plugin.internal;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.SluiceException;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.ReceiverSource;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;

/**
 * Wraps a plugin's factories, and everything they create, in decorators that run each call with
 * the plugin's class loader as thread context class loader. Classpath components are not wrapped.
 *
 * <pre>{@code
 * ComponentFactory wrapped = PluginComponents.wrap(factory, pluginClassLoader);
 * }</pre>
 */
public final class PluginComponents {
    private PluginComponents() {
    }

    /**
     * The factory, decorated.
     *
     * @throws IllegalArgumentException if it implements none of the extension points
     */
    public static ComponentFactory wrap(ComponentFactory factory, ClassLoader pluginLoader) {
        ContextLoader context = new ContextLoader(pluginLoader);
        if (factory instanceof SourceFactory f) {
            return new PluginSourceFactory(f, context);
        }
        if (factory instanceof SinkFactory f) {
            return new PluginSinkFactory(f, context);
        }
        if (factory instanceof OperatorFactory f) {
            return new PluginOperatorFactory(f, context);
        }
        if (factory instanceof BatchTransformFactory f) {
            return new PluginBatchTransformFactory(f, context);
        }
        throw new IllegalArgumentException(factory.getClass().getName() + " implements no Sluice extension point");
    }

    static Source wrapSource(Source source, ContextLoader context, Object creator) {
        if (source instanceof ReplayableSource<?> replayable) {
            return wrapReplayable(replayable, context);
        }
        if (source instanceof ReceiverSource receiver) {
            return new PluginReceiverSource(receiver, context);
        }
        throw returnedNull(creator, "create");
    }

    private static <S> ReplayableSource<S> wrapReplayable(ReplayableSource<S> source, ContextLoader context) {
        return new PluginReplayableSource<>(source, context);
    }

    /** A plugin broke the contract by returning {@code null} where an object is required. */
    static SluiceException returnedNull(Object plugin, String method) {
        return new SluiceException(plugin.getClass().getName() + "." + method + "(...) returned null");
    }

    static <T> T checked(T created, Object plugin, String method) {
        if (created == null) {
            throw returnedNull(plugin, method);
        }
        return created;
    }
}

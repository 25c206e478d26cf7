package io.sluice.platform.plugin.internal;

import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;

/**
 * A plugin's {@link Receiver}. Threads the receiver starts itself inherit the context class loader
 * of the thread that created them, which is the plugin's during {@link #start}.
 */
final class PluginReceiver implements Receiver {
    private final Receiver delegate;
    private final ContextLoader context;

    PluginReceiver(Receiver delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public void start(ReceiverContext receiverContext) {
        ClassLoader previous = context.enter();
        try {
            delegate.start(receiverContext);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public void stop() {
        ClassLoader previous = context.enter();
        try {
            delegate.stop();
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin receiver " + delegate.getClass().getName();
    }
}

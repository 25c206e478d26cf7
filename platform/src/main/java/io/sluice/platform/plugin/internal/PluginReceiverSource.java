package io.sluice.platform.plugin.internal;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;

/** A plugin's {@link ReceiverSource}; its receiver is wrapped too. */
final class PluginReceiverSource implements ReceiverSource {
    private final ReceiverSource delegate;
    private final ContextLoader context;

    PluginReceiverSource(ReceiverSource delegate, ContextLoader context) {
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public Receiver createReceiver(ComponentContext componentContext) {
        ClassLoader previous = context.enter();
        try {
            return new PluginReceiver(
                    PluginComponents.checked(delegate.createReceiver(componentContext), delegate, "createReceiver"), context);
        } finally {
            ContextLoader.exit(previous);
        }
    }

    @Override
    public String toString() {
        return "plugin source " + delegate.getClass().getName();
    }
}

package io.sluice.connectors.twitter4j;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;

/** A configured {@code twitter4j} source: one receiver per pipeline run. */
final class Twitter4jSource implements ReceiverSource {
    private final Twitter4jSettings settings;

    Twitter4jSource(Twitter4jSettings settings) {
        this.settings = settings;
    }

    @Override
    public Receiver createReceiver(ComponentContext context) {
        return new Twitter4jReceiver(settings, context);
    }
}

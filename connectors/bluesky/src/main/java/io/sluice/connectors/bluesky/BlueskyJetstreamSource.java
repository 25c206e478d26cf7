package io.sluice.connectors.bluesky;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.time.Clock;
import java.util.function.Function;

/** A configured {@code bluesky-jetstream} source: one receiver per pipeline run. */
final class BlueskyJetstreamSource implements ReceiverSource {
    private final JetstreamSettings settings;
    private final Function<Clock, Pause> pauses;

    /**
     * @param pauses how the receiver waits between connection attempts, given the context's clock
     */
    BlueskyJetstreamSource(JetstreamSettings settings, Function<Clock, Pause> pauses) {
        this.settings = settings;
        this.pauses = pauses;
    }

    @Override
    public Receiver createReceiver(ComponentContext context) {
        return new JetstreamReceiver(settings, context, pauses.apply(context.clock()));
    }
}

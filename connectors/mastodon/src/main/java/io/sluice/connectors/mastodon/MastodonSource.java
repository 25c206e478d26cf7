package io.sluice.connectors.mastodon;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.time.Clock;
import java.util.function.Function;

/** A configured {@code mastodon} source: one receiver per pipeline run. */
final class MastodonSource implements ReceiverSource {
    private final MastodonSettings settings;
    private final Function<Clock, Pause> pauses;

    /**
     * @param pauses how the receiver waits between connection attempts, given the context's clock
     */
    MastodonSource(MastodonSettings settings, Function<Clock, Pause> pauses) {
        this.settings = settings;
        this.pauses = pauses;
    }

    @Override
    public Receiver createReceiver(ComponentContext context) {
        return new MastodonReceiver(settings, context, pauses.apply(context.clock()));
    }
}

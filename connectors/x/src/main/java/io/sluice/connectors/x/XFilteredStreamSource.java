package io.sluice.connectors.x;

import io.sluice.connectors.support.Pause;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.time.Clock;
import java.util.function.Function;

/** A configured {@code x-filtered-stream} source: one receiver per pipeline run. */
final class XFilteredStreamSource implements ReceiverSource {
    private final XStreamSettings settings;
    private final Function<Clock, Pause> pauses;

    /**
     * @param pauses how the receiver waits between connection attempts, given the context's clock
     */
    XFilteredStreamSource(XStreamSettings settings, Function<Clock, Pause> pauses) {
        this.settings = settings;
        this.pauses = pauses;
    }

    @Override
    public Receiver createReceiver(ComponentContext context) {
        return new XStreamReceiver(settings, context, pauses.apply(context.clock()));
    }
}

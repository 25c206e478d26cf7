package io.sluice.connectors.flume;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.util.OptionalInt;

/**
 * A configured flume source: creates the {@link FlumeReceiver} (the Avro RPC server) for the
 * engine, and tells which port it is bound to.
 */
final class FlumeSource implements ReceiverSource {
    private final FlumeSourceSettings settings;
    private volatile FlumeReceiver receiver;

    FlumeSource(FlumeSourceSettings settings) {
        this.settings = settings;
    }

    FlumeSourceSettings settings() {
        return settings;
    }

    @Override
    public Receiver createReceiver(ComponentContext context) {
        FlumeReceiver created = new FlumeReceiver(settings, context);
        receiver = created;
        return created;
    }

    /** The port the last receiver is listening on (the chosen one when configured as 0); empty before it started. */
    OptionalInt boundPort() {
        FlumeReceiver current = receiver;
        return current == null ? OptionalInt.empty() : current.boundPort();
    }
}

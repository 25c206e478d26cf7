package io.sluice.connectors.mqtt;

import java.time.Duration;
import java.util.Optional;

/** Creates the connection of the configured protocol version. */
final class Connections {
    private Connections() {
    }

    /**
     * A receiving connection with manual acknowledgements.
     *
     * @param sessionExpiry how long the broker keeps the session after a disconnect; empty for a clean session
     */
    static BrokerConnection receiving(ConnectionSettings settings, Optional<Duration> sessionExpiry, int receiveMaximum,
                                      BrokerConnection.Listener listener) {
        if (settings.mqtt5()) {
            return new Mqtt5Connection(settings, sessionExpiry.map(Duration::toSeconds), receiveMaximum, listener);
        }
        return new Mqtt3Connection(settings, sessionExpiry.isPresent(), listener);
    }

    /** A publishing connection (clean session: a publisher needs none). */
    static BrokerConnection publishing(ConnectionSettings settings) {
        if (settings.mqtt5()) {
            return new Mqtt5Connection(settings, Optional.empty(), 65_535, null);
        }
        return new Mqtt3Connection(settings, false, null);
    }
}

package io.sluice.connectors.mqtt;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Paho's reason codes into Sluice's exceptions, for both protocol versions. */
final class PahoFailures {
    private static final Logger log = LoggerFactory.getLogger(PahoFailures.class);

    /** A step of closing a client that may fail. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private PahoFailures() {
    }

    /**
     * A failed CONNECT: refusals that retrying cannot fix (bad credentials, not authorized, client id
     * refused, wrong protocol) are {@link ConnectorException}s; anything else (unreachable, timeout, server
     * busy) is a {@link RetriableException}.
     */
    static SluiceException connectFailed(ConnectionSettings settings, int reasonCode, Exception cause) {
        String what = "MQTT client " + settings.clientId() + " could not connect to " + settings.servers();
        boolean refused = switch (reasonCode) {
            // 3.1.1 return codes (1 protocol, 2 client id, 4 credentials, 5 not authorized) and MQTT 5 reason codes
            // 0x84 protocol, 0x85 client id, 0x86 credentials, 0x87 not authorized, 0x8C bad authentication method.
            case 1, 2, 4, 5, 0x84, 0x85, 0x86, 0x87, 0x8C -> true;
            default -> false;
        };
        if (refused) {
            return new ConnectorException(what + ": the broker refused (reason " + reasonCode + ": "
                    + cause.getMessage() + "); check the credentials, client-id and protocol-version", cause);
        }
        return new RetriableException(what + ": " + cause.getMessage(), cause);
    }

    /**
     * @throws ConnectorException naming the filters the broker refused (SUBACK codes of 0x80 and above)
     */
    static void checkGranted(List<Subscription> subscriptions, int[] codes) {
        List<String> refused = refused(subscriptions, codes);
        if (!refused.isEmpty()) {
            throw new ConnectorException("the broker refused the subscriptions " + refused
                    + " (0x80 unspecified, 0x87 not authorized, 0x8F invalid filter, 0x9E shared subscriptions "
                    + "not supported, 0xA2 wildcards not supported)");
        }
    }

    /** After a re-subscription, from the callback thread: there is no caller to throw to. */
    static void logRefused(List<Subscription> subscriptions, int[] codes) {
        List<String> refused = refused(subscriptions, codes);
        if (!refused.isEmpty()) {
            log.error("the broker refused the re-subscriptions {}", refused);
        }
    }

    private static List<String> refused(List<Subscription> subscriptions, int[] codes) {
        List<String> refused = new ArrayList<>();
        for (int i = 0; codes != null && i < codes.length && i < subscriptions.size(); i++) {
            if (codes[i] >= 0x80) {
                refused.add(subscriptions.get(i).filter() + " (0x" + Integer.toHexString(codes[i]) + ")");
            }
        }
        return refused;
    }

    /**
     * Runs a graceful disconnect, falling back to a forced one if it fails, then closes; failures of the
     * fallback and close are logged (the connection is going away either way) and the first one is thrown.
     *
     * @throws RetriableException if the client could not be closed cleanly
     */
    static void closeQuietly(ConnectionSettings settings, Step disconnect, Step forceDisconnect, Step close) {
        Exception failure = null;
        try {
            disconnect.run();
        } catch (Exception e) {
            log.debug("MQTT client {}: graceful disconnect failed ({}); forcing it", settings.clientId(), e.getMessage());
            try {
                forceDisconnect.run();
            } catch (Exception forced) {
                log.debug("MQTT client {}: forced disconnect failed ({})", settings.clientId(), forced.getMessage());
            }
        }
        try {
            close.run();
        } catch (Exception e) {
            failure = e;
        }
        if (failure != null) {
            throw new RetriableException("MQTT client " + settings.clientId() + " did not close: " + failure.getMessage(),
                    failure);
        }
    }
}

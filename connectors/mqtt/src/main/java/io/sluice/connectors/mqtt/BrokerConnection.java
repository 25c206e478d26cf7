package io.sluice.connectors.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One MQTT client connection, hiding whether Paho's MQTT 5 or 3.1.1 client speaks to the broker. The
 * connection reconnects by itself (with backoff) after it was established once.
 */
interface BrokerConnection extends AutoCloseable {

    /** What a receiving connection tells its owner; called on the client's callback thread. */
    interface Listener {
        /** A message arrived; acknowledge it with {@link #acknowledge} once it is safe to. Must not throw. */
        void messageArrived(InboundMessage message);

        /** The connection was re-established after a loss; the subscriptions should be made again. */
        void reconnected();
    }

    /**
     * Connects and waits for the broker to accept.
     *
     * @throws io.sluice.spi.RetriableException if the broker cannot be reached or did not answer in time
     * @throws io.sluice.spi.ConnectorException if the broker refused (bad credentials, client id)
     */
    void connect();

    /**
     * Subscribes and waits for the broker's answer.
     *
     * @throws io.sluice.spi.ConnectorException if the broker refused a filter
     */
    void subscribe(List<Subscription> subscriptions);

    /** Subscribes without waiting (from the callback thread, where waiting would deadlock); failures are logged. */
    void subscribeAsync(List<Subscription> subscriptions);

    /**
     * Acknowledges a message to the broker (PUBACK for QoS 1). Nothing for QoS 0.
     *
     * @return whether the acknowledgement was sent (false if the connection was lost meanwhile: the broker
     *         will deliver the message again)
     */
    boolean acknowledge(InboundMessage message);

    /**
     * Publishes; the future completes when the broker acknowledged the message as its QoS requires (QoS 0:
     * when written), or exceptionally with the reason.
     */
    CompletableFuture<Void> publish(OutboundMessage message);

    /** Disconnects (leaving unacknowledged messages with the broker) and releases the client. */
    @Override
    void close();
}

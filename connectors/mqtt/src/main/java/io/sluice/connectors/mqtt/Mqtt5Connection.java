package io.sluice.connectors.mqtt;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BrokerConnection} over Paho's MQTT 5 client. Receiving connections use manual
 * acknowledgements: Paho sends the PUBACK of a QoS 1 message only when {@link #acknowledge} is called.
 *
 * <p>QoS 2: Paho 1.2.5 sends PUBREC when the message arrives and PUBCOMP when PUBREL arrives, whatever
 * the manual-ack setting, and acknowledging again would send a second PUBCOMP that makes the broker drop
 * the connection (paho.mqtt.java#1054). So a QoS 2 message is acknowledged by the handshake itself and
 * {@link #acknowledge} does nothing for it: use QoS 1 for at-least-once into Sluice.
 */
final class Mqtt5Connection implements BrokerConnection {
    private static final Logger log = LoggerFactory.getLogger(Mqtt5Connection.class);

    private final ConnectionSettings settings;
    private final MqttConnectionOptions options;
    private final MqttAsyncClient client;

    /**
     * @param session        for a receiver: keep the session (clean start off) for this long after a disconnect;
     *                       empty for a publisher (clean start, no session)
     * @param receiveMaximum how many unacknowledged QoS 1/2 messages the broker may send at once
     * @param listener       where messages go, or {@code null} for a publisher
     */
    Mqtt5Connection(ConnectionSettings settings, Optional<Long> session, int receiveMaximum, Listener listener) {
        this.settings = settings;
        this.options = new MqttConnectionOptions();
        options.setServerURIs(settings.servers().toArray(String[]::new));
        options.setCleanStart(session.isEmpty());
        session.ifPresent(options::setSessionExpiryInterval);
        options.setReceiveMaximum(receiveMaximum);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, ConnectionSettings.seconds(settings.reconnectMaxDelay()));
        options.setConnectionTimeout(ConnectionSettings.seconds(settings.connectTimeout()));
        options.setKeepAliveInterval(ConnectionSettings.seconds(settings.keepAlive()));
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(new String(p).getBytes(StandardCharsets.UTF_8)));
        settings.socketFactory().ifPresent(options::setSocketFactory);
        options.setHttpsHostnameVerificationEnabled(settings.verifyHostname());
        try {
            client = new MqttAsyncClient(settings.servers().get(0), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new ConnectorException("cannot create an MQTT client for " + settings.servers() + ": " + e.getMessage(), e);
        }
        client.setManualAcks(listener != null);
        client.setCallback(new Callback(listener));
    }

    @Override
    public void connect() {
        try {
            IMqttToken token = client.connect(options);
            token.waitForCompletion(settings.connectTimeout().toMillis() + 1000);
            log.info("MQTT 5 client {} connected to {} (session present: {})", settings.clientId(),
                    client.getCurrentServerURI(), token.getSessionPresent());
        } catch (MqttException e) {
            throw PahoFailures.connectFailed(settings, e.getReasonCode(), e);
        }
    }

    @Override
    public void subscribe(List<Subscription> subscriptions) {
        try {
            IMqttToken token = client.subscribe(toPaho(subscriptions), null, null, new MqttProperties());
            token.waitForCompletion(settings.connectTimeout().toMillis());
            PahoFailures.checkGranted(subscriptions, token.getReasonCodes());
        } catch (MqttException e) {
            throw new RetriableException("subscribing to " + subscriptions + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribeAsync(List<Subscription> subscriptions) {
        try {
            client.subscribe(toPaho(subscriptions), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    PahoFailures.logRefused(subscriptions, token.getReasonCodes());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.error("MQTT client {}: subscribing again to {} failed", settings.clientId(), subscriptions, cause);
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            log.error("MQTT client {}: subscribing again to {} failed", settings.clientId(), subscriptions, e);
        }
    }

    private static MqttSubscription[] toPaho(List<Subscription> subscriptions) {
        return subscriptions.stream().map(s -> {
            MqttSubscription sub = new MqttSubscription(s.filter(), s.qos());
            // Retained messages only for a new subscription, not again for each re-subscription after a reconnect.
            sub.setRetainHandling(1);
            return sub;
        }).toArray(MqttSubscription[]::new);
    }

    @Override
    public boolean acknowledge(InboundMessage message) {
        if (message.qos() != 1) {
            return true;
        }
        try {
            client.messageArrivedComplete(message.id(), message.qos());
            return true;
        } catch (MqttException e) {
            log.info("MQTT client {}: could not acknowledge message {} on {} ({}); the broker will deliver it again",
                    settings.clientId(), message.id(), message.topic(), e.getMessage());
            return false;
        }
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
        MqttMessage paho = new MqttMessage(message.payload(), message.qos(), message.retain(), toProperties(message));
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttActionListener listener = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                done.completeExceptionally(cause);
            }
        };
        InFlightWindow.publish(() -> {
            try {
                client.publish(message.topic(), paho, null, listener);
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    return false;
                }
                done.completeExceptionally(e);
                return true;
            }
        });
        return done;
    }

    private static MqttProperties toProperties(OutboundMessage message) {
        MqttProperties properties = new MqttProperties();
        message.expirySeconds().ifPresent(properties::setMessageExpiryInterval);
        message.contentType().ifPresent(properties::setContentType);
        if (!message.userProperties().isEmpty()) {
            properties.setUserProperties(message.userProperties().entrySet().stream()
                    .map(e -> new UserProperty(e.getKey(), e.getValue())).toList());
        }
        return properties;
    }

    @Override
    public void close() {
        PahoFailures.closeQuietly(settings, () -> {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(settings.connectTimeout().toMillis());
            }
        }, () -> client.disconnectForcibly(0, 1000, false), client::close);
    }

    /** Paho's callbacks, forwarded to the listener; a listener that throws would make Paho drop the connection. */
    private final class Callback implements MqttCallback {
        private final Listener listener;

        Callback(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (listener == null) {
                return;
            }
            Map<String, String> userProperties = new LinkedHashMap<>();
            MqttProperties properties = message.getProperties();
            if (properties != null && properties.getUserProperties() != null) {
                for (UserProperty p : properties.getUserProperties()) {
                    userProperties.put(p.getKey(), p.getValue());
                }
            }
            listener.messageArrived(new InboundMessage(topic, message.getPayload(), message.getQos(),
                    message.isRetained(), message.isDuplicate(), message.getId(), userProperties));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                log.info("MQTT client {} reconnected to {}", settings.clientId(), serverUri);
                if (listener != null) {
                    listener.reconnected();
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("MQTT client {} lost its connection ({}); reconnecting", settings.clientId(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.error("MQTT client {}: protocol error", settings.clientId(), exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Publishers learn of completion through each publish's own listener.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            log.warn("MQTT client {}: AUTH packet (reason {}) ignored: enhanced authentication is not supported",
                    settings.clientId(), reasonCode);
        }
    }
}

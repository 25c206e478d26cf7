package io.sluice.connectors.mqtt;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BrokerConnection} over Paho's MQTT 3.1.1 client, for brokers that do not speak MQTT 5. With
 * manual acknowledgements Paho sends PUBACK (QoS 1) or PUBCOMP (QoS 2) only when {@link #acknowledge} is
 * called. A persistent session is {@code cleanSession=false} (kept by the broker until it expires it by its
 * own rules); there is no Receive Maximum in 3.1.1: the broker's in-flight limit applies.
 */
final class Mqtt3Connection implements BrokerConnection {
    private static final Logger log = LoggerFactory.getLogger(Mqtt3Connection.class);
    /** Publishes sent and not yet acknowledged, per client (3.1.1 has no Receive Maximum to learn it from). */
    private static final int MAX_IN_FLIGHT = 1000;

    private final ConnectionSettings settings;
    private final MqttConnectOptions options;
    private final MqttAsyncClient client;

    /**
     * @param persistentSession for a receiver: keep the session across disconnects
     * @param listener          where messages go, or {@code null} for a publisher
     */
    Mqtt3Connection(ConnectionSettings settings, boolean persistentSession, Listener listener) {
        this.settings = settings;
        this.options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setServerURIs(settings.servers().toArray(String[]::new));
        options.setCleanSession(!persistentSession);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) Math.min(Integer.MAX_VALUE, settings.reconnectMaxDelay().toMillis()));
        options.setConnectionTimeout(ConnectionSettings.seconds(settings.connectTimeout()));
        options.setKeepAliveInterval(ConnectionSettings.seconds(settings.keepAlive()));
        options.setMaxInflight(MAX_IN_FLIGHT);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(options::setPassword);
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
            log.info("MQTT 3.1.1 client {} connected to {} (session present: {})", settings.clientId(),
                    client.getCurrentServerURI(), token.getSessionPresent());
        } catch (MqttException e) {
            throw PahoFailures.connectFailed(settings, e.getReasonCode(), e);
        }
    }

    @Override
    public void subscribe(List<Subscription> subscriptions) {
        try {
            IMqttToken token = client.subscribe(filters(subscriptions), qos(subscriptions));
            token.waitForCompletion(settings.connectTimeout().toMillis());
            PahoFailures.checkGranted(subscriptions, token.getGrantedQos());
        } catch (MqttException e) {
            throw new RetriableException("subscribing to " + subscriptions + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribeAsync(List<Subscription> subscriptions) {
        try {
            client.subscribe(filters(subscriptions), qos(subscriptions), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    PahoFailures.logRefused(subscriptions, token.getGrantedQos());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.error("MQTT client {}: subscribing again to {} failed", settings.clientId(), subscriptions, cause);
                }
            });
        } catch (MqttException e) {
            log.error("MQTT client {}: subscribing again to {} failed", settings.clientId(), subscriptions, e);
        }
    }

    private static String[] filters(List<Subscription> subscriptions) {
        return subscriptions.stream().map(Subscription::filter).toArray(String[]::new);
    }

    private static int[] qos(List<Subscription> subscriptions) {
        return subscriptions.stream().mapToInt(Subscription::qos).toArray();
    }

    @Override
    public boolean acknowledge(InboundMessage message) {
        if (message.qos() == 0) {
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        IMqttActionListener listener = new IMqttActionListener() {
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
                client.publish(message.topic(), message.payload(), message.qos(), message.retain(), null, listener);
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                    return false;
                }
                done.completeExceptionally(e);
                return true;
            }
        });
        return done;
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
    private final class Callback implements MqttCallbackExtended {
        private final Listener listener;

        Callback(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (listener != null) {
                listener.messageArrived(new InboundMessage(topic, message.getPayload(), message.getQos(),
                        message.isRetained(), message.isDuplicate(), message.getId(), Map.of()));
            }
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
        public void connectionLost(Throwable cause) {
            log.warn("MQTT client {} lost its connection ({}); reconnecting", settings.clientId(), cause.toString());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishers learn of completion through each publish's own listener.
        }
    }
}

package io.sluice.connectors.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** A plain MQTT 5 client for tests: publishes (waiting for each acknowledgement) and collects what it subscribed to. */
final class TestClient implements AutoCloseable {
    /** A message the test client received. */
    record Received(String topic, String payload, MqttMessage message) {
    }

    private final MqttClient client;
    final List<Received> received = new CopyOnWriteArrayList<>();

    TestClient(String serverUri, String clientId) {
        try {
            client = new MqttClient(serverUri, clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message));
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    void publish(String topic, String payload, int qos) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, Map.of());
    }

    void publish(String topic, byte[] payload, int qos, Map<String, String> userProperties) {
        MqttMessage message = new MqttMessage(payload, qos, false, new MqttProperties());
        if (!userProperties.isEmpty()) {
            message.getProperties().setUserProperties(userProperties.entrySet().stream()
                    .map(e -> new UserProperty(e.getKey(), e.getValue())).toList());
        }
        try {
            client.publish(topic, message);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    void subscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}

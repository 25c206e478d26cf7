package io.sluice.dist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes the numbered messages {@code {"n": 0}}, {@code {"n": 1}}, ... with QoS 1 to one topic, a burst every
 * tick on its own thread, each publish waiting for the broker's acknowledgement, until stopped.
 *
 * <pre>{@code
 * NumberedPublisher publisher = NumberedPublisher.start(broker.uri(), "crash/events", 50, Duration.ofMillis(100));
 * int acknowledged = publisher.stop();   // messages 0 .. acknowledged-1 are the broker's to deliver
 * }</pre>
 */
final class NumberedPublisher {
    private final MqttClient client;
    private final String topic;
    private final int perTick;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private int acknowledged;
    private MqttException failure;

    private NumberedPublisher(MqttClient client, String topic, int perTick) {
        this.client = client;
        this.topic = topic;
        this.perTick = perTick;
    }

    static NumberedPublisher start(String uri, String topic, int perTick, Duration tick) throws MqttException {
        MqttClient client = new MqttClient(uri, "crash-test-publisher", new MemoryPersistence());
        client.setTimeToWait(Duration.ofMinutes(1).toMillis());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        NumberedPublisher publisher = new NumberedPublisher(client, topic, perTick);
        publisher.timer.scheduleWithFixedDelay(publisher::publishBurst, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return publisher;
    }

    /** Runs on the timer thread only. */
    private void publishBurst() {
        if (failure != null) {
            return;
        }
        try {
            for (int i = 0; i < perTick; i++) {
                byte[] payload = ("{\"n\": " + acknowledged + "}").getBytes(StandardCharsets.UTF_8);
                MqttMessage message = new MqttMessage(payload);
                message.setQos(1);
                client.publish(topic, message);
                acknowledged++;
            }
        } catch (MqttException e) {
            failure = e;
        }
    }

    /**
     * Stops publishing and disconnects.
     *
     * @return how many messages the broker acknowledged: {@code 0 .. n-1}
     * @throws AssertionError if a publish failed
     */
    int stop() throws Exception {
        timer.shutdown();
        if (!timer.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the publisher did not stop");
        }
        client.disconnect();
        client.close();
        if (failure != null) {
            throw new AssertionError("publishing message " + acknowledged + " failed", failure);
        }
        return acknowledged;
    }
}

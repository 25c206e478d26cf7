package io.sluice.connectors.mqtt;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import java.util.Optional;

/** The configured {@code mqtt} source: one {@link MqttReceiver} per pipeline run. */
final class MqttSource implements ReceiverSource {

    @Override
    public Receiver createReceiver(ComponentContext context) {
        Config config = context.config();
        ConnectionSettings settings = ConnectionSettings.from(context);
        MessageDecoder decoder = new MessageDecoder(context.format(config.get(MqttSourceFactory.FORMAT)),
                config.get(MqttSourceFactory.MAX_PAYLOAD_BYTES),
                config.find(MqttSourceFactory.TOPIC_PATTERN).map(TopicPattern::parse));
        var session = config.get(MqttSourceFactory.PERSISTENT_SESSION)
                ? Optional.of(config.get(MqttSourceFactory.SESSION_EXPIRY)) : Optional.<java.time.Duration>empty();
        int receiveMaximum = config.get(MqttSourceFactory.RECEIVE_MAXIMUM);
        return new MqttReceiver(context, Subscription.parse(config.get(MqttSourceFactory.TOPICS)), decoder,
                listener -> Connections.receiving(settings, session, receiveMaximum, listener));
    }
}

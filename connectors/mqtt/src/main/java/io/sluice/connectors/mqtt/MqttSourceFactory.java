package io.sluice.connectors.mqtt;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The {@code mqtt} source type: subscribes to topic filters and receives their messages, acknowledging
 * each to the broker only once the platform accepted it.
 *
 * <pre>{@code
 * sources:
 *   sensors:
 *     type: mqtt
 *     servers: [tcp://localhost:1883]
 *     client-id: sluice-bus-occupancy
 *     topics: {"buses/+/events": 1}
 *     topic-pattern: "buses/{bus}/events"
 *     format: json
 * }</pre>
 */
@Extension
public final class MqttSourceFactory implements SourceFactory {
    static final ConfigKey<Map<String, String>> TOPICS = ConfigKey.stringMap("topics")
            .description("Topic filters to subscribe to, each with its QoS (0, 1 or 2). Wildcards: + (one level), "
                    + "# (the rest). $share/GROUP/FILTER is an MQTT 5 shared subscription: each message goes to one "
                    + "member of the group, so several pipelines can split one stream. Use QoS 1 for at-least-once: "
                    + "the MQTT client acknowledges QoS 2 messages itself on arrival.")
            .example("{\"buses/+/events\": 1, \"$share/sluice/depots/#\": 1}")
            .required()
            .validate(Validators.described("topic filters mapped to 0, 1 or 2", Subscription::parse))
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.oneOf("format", "json", "text", "bytes")
            .description("How payloads become records: json (an object's fields), text (UTF-8 in the field 'text'), "
                    + "bytes (the payload as is). Payloads that do not decode go to the error reporter.")
            .defaultValue("json")
            .build();
    static final ConfigKey<String> TOPIC_PATTERN = ConfigKey.string("topic-pattern")
            .description("Maps topic levels to fields: with buses/{bus}/events, the topic buses/7/events adds the "
                    + "field bus=\"7\". + matches a level without naming it; a last # matches the rest.")
            .example("buses/{bus}/events")
            .validate(Validators.described("levels, {field} levels, + and a last #", TopicPattern::parse))
            .build();
    static final ConfigKey<Integer> MAX_PAYLOAD_BYTES = ConfigKey.integer("max-payload-bytes")
            .description("Payloads larger than this go to the error reporter instead of the stream.")
            .defaultValue(1024 * 1024)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Boolean> PERSISTENT_SESSION = ConfigKey.bool("persistent-session")
            .description("Keep the session across disconnects (MQTT 5 clean start off, 3.1.1 clean session off): "
                    + "the broker keeps the subscriptions and queues QoS 1/2 messages published while Sluice is away.")
            .defaultValue(true)
            .build();
    static final ConfigKey<Duration> SESSION_EXPIRY = ConfigKey.duration("session-expiry")
            .description("MQTT 5: how long the broker keeps a persistent session after a disconnect (3.1.1 brokers "
                    + "decide themselves).")
            .defaultValue(Duration.ofHours(1))
            .validate(Validators.positive())
            .build();
    static final ConfigKey<Integer> RECEIVE_MAXIMUM = ConfigKey.integer("receive-maximum")
            .description("MQTT 5 Receive Maximum: how many QoS 1/2 messages the broker may send before the first is "
                    + "acknowledged. Large, so the in-flight window does not throttle the stream.")
            .defaultValue(65_535)
            .validate(Validators.between(1, 65_535))
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(ConnectionKeys.ALL)
            .plus(TOPICS, FORMAT, TOPIC_PATTERN, MAX_PAYLOAD_BYTES, PERSISTENT_SESSION, SESSION_EXPIRY, RECEIVE_MAXIMUM);

    @Override
    public String type() {
        return "mqtt";
    }

    @Override
    public String description() {
        return "Receives MQTT messages (MQTT 5 or 3.1.1) from topic filters with wildcards or shared subscriptions, "
                + "in a persistent session, acknowledging each only after the platform accepted it "
                + "(in memory until the write-ahead log lands: a crash can lose acknowledged, unprocessed messages).";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Source create(Config config) {
        return new MqttSource();
    }
}

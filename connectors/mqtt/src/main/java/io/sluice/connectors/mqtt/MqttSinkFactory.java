package io.sluice.connectors.mqtt;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * The {@code mqtt} sink type: publishes each record to a topic made from its fields.
 *
 * <pre>{@code
 * sinks:
 *   alerts-out:
 *     type: mqtt
 *     from: alerts
 *     servers: [tcp://localhost:1883]
 *     topic: "alerts/{bus}"
 *     qos: 1
 * }</pre>
 */
@Extension
public final class MqttSinkFactory implements SinkFactory {
    static final ConfigKey<String> TOPIC = ConfigKey.string("topic")
            .description("The topic to publish each record to; {field} is replaced by the record's field (a record "
                    + "missing it goes to the error reporter), {key} by its key.")
            .example("alerts/{bus}")
            .required()
            .validate(Validators.described("a topic without wildcards, with {field} placeholders", TopicTemplate::parse))
            .build();
    static final ConfigKey<Integer> QOS = ConfigKey.integer("qos")
            .description("QoS of the published messages: 0 at most once, 1 at least once, 2 exactly once.")
            .defaultValue(1)
            .validate(Validators.between(0, 2))
            .build();
    static final ConfigKey<Boolean> RETAIN = ConfigKey.bool("retain")
            .description("Publish retained messages: the broker keeps the last one per topic for new subscribers.")
            .defaultValue(false)
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.oneOf("format", "json", "text", "bytes")
            .description("How records become payloads: json (fields as one object), text (the field 'text'), bytes "
                    + "(the record's payload).")
            .defaultValue("json")
            .build();
    static final ConfigKey<Duration> MESSAGE_EXPIRY = ConfigKey.duration("message-expiry")
            .description("MQTT 5: the broker drops a message not delivered within this time.")
            .example("10m")
            .validate(Validators.positive())
            .build();
    static final ConfigKey<String> CONTENT_TYPE = ConfigKey.string("content-type")
            .description("MQTT 5 content type of the messages.")
            .example("application/json")
            .build();
    static final ConfigKey<Boolean> HEADERS_AS_USER_PROPERTIES = ConfigKey.bool("headers-as-user-properties")
            .description("MQTT 5: send the record's headers as user properties (except the mqtt.* delivery "
                    + "headers an mqtt source adds).")
            .defaultValue(true)
            .build();
    static final ConfigKey<Duration> PUBLISH_TIMEOUT = ConfigKey.duration("publish-timeout")
            .description("How long a partition's publishes may wait for the broker's acknowledgements before the "
                    + "batch fails (and is retried).")
            .defaultValue(Duration.ofMinutes(1))
            .validate(Validators.positive())
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(ConnectionKeys.ALL)
            .plus(TOPIC, QOS, RETAIN, FORMAT, MESSAGE_EXPIRY, CONTENT_TYPE, HEADERS_AS_USER_PROPERTIES, PUBLISH_TIMEOUT);

    @Override
    public String type() {
        return "mqtt";
    }

    @Override
    public String description() {
        return "Publishes each record to an MQTT topic made from its fields (MQTT 5 or 3.1.1), with QoS, retain, "
                + "and MQTT 5 message expiry, content type and user properties; a failed publish fails the batch.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Sink create(Config config) {
        return new MqttSink();
    }
}

package io.sluice.connectors.mqtt;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a delivered message into a record: the payload decoded by the configured format ({@code json}
 * fields, {@code text} in the field {@code text}, or {@code bytes} as the payload), the fields of the topic
 * pattern added, and the delivery facts as headers: {@value #TOPIC}, {@value #QOS}, {@value #RETAINED},
 * {@value #DUPLICATE}, plus every MQTT 5 user property under its own name. The record's position is the
 * topic; its timestamp the arrival time.
 */
final class MessageDecoder {
    static final String TOPIC = "mqtt.topic";
    static final String QOS = "mqtt.qos";
    static final String RETAINED = "mqtt.retained";
    static final String DUPLICATE = "mqtt.duplicate";

    private final RecordFormat format;
    private final int maxPayloadBytes;
    private final Optional<TopicPattern> topicPattern;

    MessageDecoder(RecordFormat format, int maxPayloadBytes, Optional<TopicPattern> topicPattern) {
        this.format = format;
        this.maxPayloadBytes = maxPayloadBytes;
        this.topicPattern = topicPattern;
    }

    /**
     * @throws BadRecordException if the payload is larger than the maximum or not valid in the format
     */
    Record decode(InboundMessage message, long arrivalMillis) {
        byte[] payload = message.payload();
        if (payload.length > maxPayloadBytes) {
            throw new BadRecordException("payload of " + payload.length + " bytes is over max-payload-bytes ("
                    + maxPayloadBytes + ")");
        }
        Record decoded = format.decode(payload);
        Record.Builder record = decoded.toBuilder().timestamp(arrivalMillis).position(message.topic());
        topicPattern.ifPresent(p -> p.fields(message.topic()).forEach(record::field));
        for (Map.Entry<String, String> p : message.userProperties().entrySet()) {
            record.header(p.getKey(), p.getValue());
        }
        record.header(TOPIC, message.topic())
                .header(QOS, Integer.toString(message.qos()))
                .header(RETAINED, Boolean.toString(message.retained()))
                .header(DUPLICATE, Boolean.toString(message.duplicate()));
        return record.build();
    }
}

package io.sluice.connectors.kafka;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns a Sluice record into a Kafka record: topic from the template, key from key-field (else the record
 * key), value as value-format says, the record's headers (UTF-8) and its timestamp (unless record-timestamps is off). No partition is chosen:
 * the producer's default partitioner spreads by key. Thread-safe.
 */
final class RecordEncoder {
    private final TopicTemplate topic;
    private final String keyField;
    private final String valueFormat;
    private final RecordFormat json;
    private final boolean recordTimestamps;

    /**
     * @param keyField the field holding the key, or {@code null} for the record key
     * @param json     the platform's json format (used for json values and structured keys)
     */
    RecordEncoder(TopicTemplate topic, String keyField, String valueFormat, RecordFormat json, boolean recordTimestamps) {
        this.recordTimestamps = recordTimestamps;
        this.topic = topic;
        this.keyField = keyField;
        this.valueFormat = valueFormat;
        this.json = json;
    }

    /**
     * @throws BadRecordException if the topic, key or value cannot be made from the record
     */
    ProducerRecord<byte[], byte[]> encode(Record record) {
        Object key = keyField == null ? record.key() : record.get(keyField);
        List<Header> headers = new ArrayList<>(record.headers().size());
        record.headers().forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(topic.topicOf(record), null, recordTimestamps && record.timestamp() > 0 ? record.timestamp() : null,
                bytes(key), value(record), headers);
    }

    private byte[] value(Record record) {
        return switch (valueFormat) {
            case RecordDecoder.JSON -> json.encode(record);
            case RecordDecoder.STRING -> {
                Object text = record.get(RecordDecoder.VALUE_FIELD);
                if (text == null) {
                    throw new BadRecordException("value-format string writes the field 'value', which is missing (fields: "
                            + record.fields().keySet() + ")");
                }
                yield text.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                if (!record.hasPayload()) {
                    throw new BadRecordException("value-format bytes writes the record's payload, and it has none");
                }
                yield record.payload();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private byte[] bytes(Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof byte[] b) {
            return b;
        }
        if (key instanceof Map<?, ?> fields) {
            return json.encode(Record.of((Map<String, ?>) fields));
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }
}

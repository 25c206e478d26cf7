package io.sluice.connectors.kafka;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a Kafka record into a Sluice record: the key as key-format says, the value as value-format says,
 * the metadata fields (topic, partition, offset, timestamp) unless disabled, the headers (UTF-8) and the
 * Kafka timestamp; the position is {@code topic-partition@offset}. A key or value that does not decode goes
 * to the error reporter with that position instead. Thread-safe.
 */
final class RecordDecoder {
    static final String STRING = "string";
    static final String BYTES = "bytes";
    static final String JSON = "json";
    /** The field a string value goes to. */
    static final String VALUE_FIELD = "value";

    private final String keyFormat;
    private final String valueFormat;
    private final RecordFormat json;
    private final ErrorReporter errors;
    private final String[] metadataFields;

    /**
     * @param json           the platform's json format (used only for json keys or values)
     * @param metadataPrefix the prefix of the metadata fields, or {@code null} for none
     */
    RecordDecoder(String keyFormat, String valueFormat, RecordFormat json, ErrorReporter errors, String metadataPrefix) {
        this.keyFormat = keyFormat;
        this.valueFormat = valueFormat;
        this.json = json;
        this.errors = errors;
        this.metadataFields = metadataPrefix == null ? null : new String[] {
            metadataPrefix + "topic", metadataPrefix + "partition", metadataPrefix + "offset", metadataPrefix + "timestamp"};
    }

    /** Emits the record to {@code out}, or reports it to the error reporter when its key or value does not decode. */
    void decode(ConsumerRecord<byte[], byte[]> in, io.sluice.spi.Emitter out) {
        Record.Builder record;
        Object key;
        try {
            record = value(in.value());
            key = key(in.key());
        } catch (BadRecordException e) {
            String origin = in.topic() + "-" + in.partition() + "@" + in.offset();
            errors.reportRaw(origin, in.value() == null ? new byte[0] : in.value(),
                    new BadRecordException("topic " + in.topic() + " partition " + in.partition() + " offset "
                            + in.offset() + ": " + e.getMessage(), e));
            return;
        }
        if (metadataFields != null) {
            record.field(metadataFields[0], in.topic())
                    .field(metadataFields[1], (long) in.partition())
                    .field(metadataFields[2], in.offset())
                    .field(metadataFields[3], in.timestamp());
        }
        for (Header h : in.headers()) {
            record.header(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        out.emit(record.key(key).timestamp(Math.max(0, in.timestamp()))
                .position(in.topic() + "-" + in.partition() + "@" + in.offset())
                .build());
    }

    private Record.Builder value(byte[] value) {
        if (value == null) {
            return Record.builder();   // a tombstone: the metadata fields only
        }
        return switch (valueFormat) {
            case JSON -> json.decode(value).toBuilder();
            case STRING -> Record.builder().field(VALUE_FIELD, new String(value, StandardCharsets.UTF_8));
            default -> Record.builder().payload(value);
        };
    }

    private Object key(byte[] key) {
        if (key == null) {
            return null;
        }
        return switch (keyFormat) {
            case JSON -> json.decode(key).fields();
            case STRING -> new String(key, StandardCharsets.UTF_8);
            default -> key;
        };
    }
}

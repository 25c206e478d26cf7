package io.sluice.connectors.kafka;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * The {@code kafka} sink type: writes each record to a topic made from its fields, keyed by a field (the
 * default partitioner spreads by key), at least once or exactly once.
 *
 * <pre>{@code
 * sinks:
 *   alerts-out:
 *     type: kafka
 *     from: alerts
 *     bootstrap-servers: [localhost:9092]
 *     topic: bus-alerts              # or "alerts-{line}": a field of the record
 *     key-field: bus
 *     value-format: json
 *     delivery: exactly-once         # one transaction per batch; a re-run batch is not written twice
 * }</pre>
 */
@Extension
public final class KafkaSinkFactory implements SinkFactory {
    static final String AT_LEAST_ONCE = "at-least-once";
    static final String EXACTLY_ONCE = "exactly-once";

    static final ConfigKey<String> TOPIC = ConfigKey.string("topic")
            .description("The topic to write each record to; {field} is replaced by the record's field (a record "
                    + "missing it goes to the error reporter), {key} by its key.")
            .example("alerts-{line}")
            .required()
            .validate(Validators.described("a topic name with {field} placeholders", TopicTemplate::parse))
            .build();
    static final ConfigKey<String> KEY_FIELD = ConfigKey.string("key-field")
            .description("The field whose value (as UTF-8 text) is the Kafka key. Default: the record key (set by "
                    + "key-by or a keyed step); records without one get no key.")
            .example("bus")
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<String> VALUE_FORMAT = ConfigKey.oneOf("value-format", RecordDecoder.JSON, RecordDecoder.STRING, RecordDecoder.BYTES)
            .description("How the record becomes the Kafka value: json (its fields as one object), string (the field "
                    + "'value' as UTF-8 text) or bytes (its payload). The record's headers become Kafka headers.")
            .defaultValue(RecordDecoder.JSON)
            .build();
    static final ConfigKey<Boolean> RECORD_TIMESTAMPS = ConfigKey.bool("record-timestamps")
            .description("Write each record's timestamp (its event time, e.g. from the source) as the Kafka timestamp; "
                    + "false lets the producer stamp the time of sending. Topics with time-based retention delete "
                    + "records whose timestamps are older than retention.ms, so old event times can vanish at once.")
            .defaultValue(true)
            .build();
    static final ConfigKey<String> DELIVERY = ConfigKey.oneOf("delivery", AT_LEAST_ONCE, EXACTLY_ONCE)
            .description("at-least-once: an idempotent producer with acks=all, a batch counts as written once every "
                    + "record is acknowledged (a batch run again can write records twice). exactly-once: one "
                    + "transaction per batch, committed with the batch; a batch run again after a crash is "
                    + "recognised and not written again, so read_committed consumers see every record once.")
            .defaultValue(AT_LEAST_ONCE)
            .build();
    static final ConfigKey<String> TRANSACTIONAL_ID_PREFIX = ConfigKey.string("transactional-id-prefix")
            .description("exactly-once: the transactional.id of the sink's producer (one per sink). It must stay the "
                    + "same across restarts, and differ between pipelines: a new instance fences the older one. "
                    + "Default: sluice-PIPELINE-SINK.")
            .example("sluice-bus-occupancy-alerts")
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<String> MARKER_TOPIC = ConfigKey.string("marker-topic")
            .description("exactly-once: the topic whose partition 0 the batch marker (the last committed batch id, a "
                    + "consumer group offset of the group TRANSACTIONAL-ID-batches) is recorded for. Default: the "
                    + "first topic each batch writes to.")
            .example("bus-alerts")
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<Duration> DELIVERY_TIMEOUT = ConfigKey.duration("delivery-timeout")
            .description("How long a partition's records may wait for the brokers' acknowledgement (and a commit for "
                    + "its transaction) before the batch fails retriably.")
            .defaultValue(Duration.ofMinutes(2))
            .validate(Validators.positive())
            .build();

    static final ConfigSpec SPEC = ConfigSpec.of(ClientKeys.BOOTSTRAP_SERVERS, TOPIC, KEY_FIELD, VALUE_FORMAT, RECORD_TIMESTAMPS, DELIVERY,
            TRANSACTIONAL_ID_PREFIX, MARKER_TOPIC, DELIVERY_TIMEOUT, ClientKeys.REQUEST_TIMEOUT, ClientKeys.PROPERTIES);

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Writes records to Kafka topics made from their fields, keyed by a field; at least once (idempotent "
                + "producer) or exactly once (one transaction per batch, re-run batches skipped).";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Sink create(Config config) {
        return new KafkaSink(config);
    }
}

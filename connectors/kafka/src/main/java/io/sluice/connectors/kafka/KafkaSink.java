package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.KafkaSinkFactory.*;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Encodes each partition's records on its worker thread and hands them to the {@link Delivery} chosen by
 * {@code delivery}. Records whose topic, key or value cannot be made go to the error reporter.
 */
final class KafkaSink implements Sink {
    private static final int LINGER_MS = 5;

    private final Config config;
    private RecordEncoder encoder;
    private ErrorReporter errors;
    private Delivery delivery;

    KafkaSink(Config config) {
        this.config = config;
    }

    @Override
    public void open(ComponentContext context) {
        encoder = new RecordEncoder(TopicTemplate.parse(config.get(TOPIC)), config.find(KEY_FIELD).orElse(null),
                config.get(VALUE_FORMAT), context.format(RecordDecoder.JSON), config.get(RECORD_TIMESTAMPS));
        errors = context.errors();
        String id = ClientProperties.defaultId(context.pipelineName(), context.componentName());
        Duration timeout = config.get(DELIVERY_TIMEOUT);
        Map<String, Object> owned = new HashMap<>();
        owned.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        owned.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        owned.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        owned.put(ProducerConfig.ACKS_CONFIG, "all");
        // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms
        long requestMs = config.get(ClientKeys.REQUEST_TIMEOUT).toMillis();
        owned.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE,
                Math.max(timeout.toMillis(), requestMs + LINGER_MS)));
        owned.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        if (EXACTLY_ONCE.equals(config.get(DELIVERY))) {
            String transactionalId = config.find(TRANSACTIONAL_ID_PREFIX).orElse(id);
            owned.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            Map<String, Object> props = ClientProperties.of(config, id + "-producer", owned);
            BatchMarker marker = new BatchMarker(transactionalId, markerGroupMetadata(transactionalId, id));
            TransactionalDelivery transactional = new TransactionalDelivery(() -> new KafkaProducer<>(props), transactionalId,
                    marker, config.find(MARKER_TOPIC).orElse(null), timeout);
            try (Admin admin = Admin.create(ClientProperties.of(config, id + "-admin", Map.of()))) {
                transactional.open(admin);
            } catch (RuntimeException e) {
                transactional.close();
                throw e;
            }
            delivery = transactional;
        } else {
            Map<String, Object> props = ClientProperties.of(config, id + "-producer", owned);
            delivery = new AtLeastOnceDelivery(new KafkaProducer<>(props), timeout);
        }
    }

    /**
     * The marker group's metadata as a consumer that never joins the group reports it (the public way since
     * kafka-clients 4.2 deprecated building ConsumerGroupMetadata by hand). The consumer makes no request.
     */
    private ConsumerGroupMetadata markerGroupMetadata(String transactionalId, String id) {
        Map<String, Object> owned = new HashMap<>();
        owned.put(ConsumerConfig.GROUP_ID_CONFIG, BatchMarker.groupOf(transactionalId));
        owned.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        owned.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        owned.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ClientProperties.of(config, id + "-marker", owned))) {
            return consumer.groupMetadata();
        }
    }

    @Override
    public void write(BatchInfo batch, int partition, List<Record> records) {
        List<ProducerRecord<byte[], byte[]>> encoded = new ArrayList<>(records.size());
        for (Record record : records) {
            try {
                encoded.add(encoder.encode(record));
            } catch (BadRecordException e) {
                errors.report(record, e);
            }
        }
        delivery.write(batch, partition, encoded);
    }

    @Override
    public void commit(BatchInfo batch) {
        delivery.commit(batch);
    }

    @Override
    public void close() {
        if (delivery != null) {
            delivery.close();
        }
    }
}

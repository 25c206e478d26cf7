package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.KafkaSourceFactory.*;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A configured kafka source: offset-range splits, planned with an admin client, read with consumers. */
final class KafkaSource implements ReplayableSource<OffsetRange> {
    private static final String JSON_FORMAT = RecordDecoder.JSON;

    private final Config config;

    KafkaSource(Config config) {
        this.config = config;
    }

    @Override
    public SplitCodec<OffsetRange> splitCodec() {
        return new OffsetRangeCodec();
    }

    @Override
    public SplitPlanner<OffsetRange> createPlanner(ComponentContext context) {
        String id = ClientProperties.defaultId(context.pipelineName(), context.componentName());
        String groupId = config.find(GROUP_ID).orElse(id);
        Subscription subscription = config.isSet(TOPICS)
                ? Subscription.ofTopics(config.get(TOPICS)) : Subscription.ofPattern(config.get(TOPIC_PATTERN));
        StartingOffsets starting = new StartingOffsets(config.get(STARTING_OFFSETS),
                config.find(STARTING_TIMESTAMP).map(KafkaSourceFactory::parseTimestamp).orElse(0L),
                config.get(AUTO_OFFSET_RESET), groupId);
        PlannerSettings settings = new PlannerSettings(subscription, starting, isolation(),
                config.get(MAX_RECORDS_PER_PARTITION), config.get(ON_OFFSET_OUT_OF_RANGE),
                config.get(ClientKeys.REQUEST_TIMEOUT));
        Admin admin = Admin.create(ClientProperties.of(config, id + "-planner", Map.of()));
        return new KafkaPlanner(admin, settings, context.metrics());
    }

    @Override
    public SplitReader<OffsetRange> createReader(ComponentContext context) {
        String id = ClientProperties.defaultId(context.pipelineName(), context.componentName());
        boolean needsJson = JSON_FORMAT.equals(config.get(KEY_FORMAT)) || JSON_FORMAT.equals(config.get(VALUE_FORMAT));
        RecordDecoder decoder = new RecordDecoder(config.get(KEY_FORMAT), config.get(VALUE_FORMAT),
                needsJson ? context.format(JSON_FORMAT) : null, context.errors(),
                config.get(METADATA_FIELDS) ? config.get(METADATA_PREFIX) : null);
        AtomicInteger readers = new AtomicInteger();
        Map<String, Object> owned = new HashMap<>();
        owned.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        owned.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        owned.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        owned.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        owned.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation().toString().toLowerCase(Locale.ROOT));
        owned.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.get(MAX_POLL_RECORDS));
        return new KafkaSplitReader(
                () -> new KafkaConsumer<>(ClientProperties.of(config, id + "-reader-" + readers.incrementAndGet(), owned)),
                decoder, config.get(ON_OFFSET_OUT_OF_RANGE), config.get(READ_TIMEOUT));
    }

    private IsolationLevel isolation() {
        return READ_COMMITTED.equals(config.get(ISOLATION_LEVEL)) ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
    }
}

package io.sluice.connectors.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where an exactly-once sink records which batch it committed last: inside each batch's transaction, the batch
 * id is committed as the "offset" of a marker partition for the consumer group {@code <transactional id>-batches}.
 * The group offset becomes visible exactly when the transaction commits, so after a restart the group's
 * committed offset is the last batch whose output is committed. The group never has members; it only holds
 * this offset (lag tools show it as a group with a meaningless lag).
 */
final class BatchMarker {
    private final String group;

    BatchMarker(String transactionalId) {
        this.group = transactionalId + "-batches";
    }

    String group() {
        return group;
    }

    ConsumerGroupMetadata groupMetadata() {
        return new ConsumerGroupMetadata(group);
    }

    /** The offsets that mark {@code batchId} as committed, for {@code sendOffsetsToTransaction}. */
    Map<TopicPartition, OffsetAndMetadata> marking(long batchId, String markerTopic) {
        return Map.of(new TopicPartition(markerTopic, 0), new OffsetAndMetadata(batchId, "sluice batch " + batchId));
    }

    /**
     * The last committed batch id, 0 if none. Call after {@code initTransactions()}: a transaction the previous
     * instance left in doubt is then committed or aborted, and {@code requireStable} waits for it.
     * The highest id over all marker partitions counts (the marker topic may have changed between runs).
     */
    long lastCommitted(Admin admin, Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> offsets = KafkaFailures.await(
                admin.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().requireStable(true))
                        .partitionsToOffsetAndMetadata(), timeout, "reading the last committed batch (group " + group + ")");
        return offsets.values().stream().filter(java.util.Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset).max().orElse(0);
    }
}

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
 *
 * <p>A batch counts as already committed only if both its id and its batch time match the marker: a batch the
 * engine runs again after a crash carries both unchanged, while a pipeline started afresh (without its batch
 * log) numbers its batches from 1 again at new times, and those must be written.
 */
final class BatchMarker {
    private final String group;
    private final ConsumerGroupMetadata groupMetadata;

    /**
     * @param groupMetadata the metadata of the group {@link #groupOf} names, as a consumer that never joins it
     *                      reports it (generation -1, no member id): the coordinator accepts such a transactional
     *                      commit for a group without members, creating it as a simple group on first use
     */
    BatchMarker(String transactionalId, ConsumerGroupMetadata groupMetadata) {
        this.group = groupOf(transactionalId);
        this.groupMetadata = groupMetadata;
    }

    /** The marker group of a transactional id. */
    static String groupOf(String transactionalId) {
        return transactionalId + "-batches";
    }

    String group() {
        return group;
    }

    ConsumerGroupMetadata groupMetadata() {
        return groupMetadata;
    }

    /** The last committed batch: its id and batch time ({@link #NONE} when nothing was committed yet). */
    record Committed(long id, long timeMillis) {
        boolean isSameBatch(io.sluice.spi.BatchInfo batch) {
            return batch.id() == id && batch.time().toEpochMilli() == timeMillis;
        }
    }

    static final Committed NONE = new Committed(0, Long.MIN_VALUE);
    private static final String PREFIX = "sluice-batch:";

    /**
     * The offsets that mark {@code batch} as committed, for {@code sendOffsetsToTransaction}: the batch id as the
     * offset, and id and batch time in the offset's metadata.
     */
    Map<TopicPartition, OffsetAndMetadata> marking(io.sluice.spi.BatchInfo batch, String markerTopic) {
        return Map.of(new TopicPartition(markerTopic, 0),
                new OffsetAndMetadata(batch.id(), PREFIX + batch.id() + ":" + batch.time().toEpochMilli()));
    }

    /**
     * The last committed batch, {@link #NONE} if none. Call after {@code initTransactions()}: a transaction the previous
     * instance left in doubt is then committed or aborted, and {@code requireStable} waits for it.
     * The highest id over all marker partitions counts (the marker topic may have changed between runs).
     */
    Committed lastCommitted(Admin admin, Duration timeout) {
        Map<TopicPartition, OffsetAndMetadata> offsets = KafkaFailures.await(
                admin.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().requireStable(true))
                        .partitionsToOffsetAndMetadata(), timeout, "reading the last committed batch (group " + group + ")");
        return offsets.values().stream().filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparingLong(OffsetAndMetadata::offset))
                .map(BatchMarker::parse).orElse(NONE);
    }

    private static Committed parse(OffsetAndMetadata marker) {
        String[] parts = marker.metadata() == null ? new String[0] : marker.metadata().split(":");
        if (parts.length == 3 && marker.metadata().startsWith(PREFIX)) {
            try {
                return new Committed(marker.offset(), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw new io.sluice.spi.ConnectorException("the batch marker of group has unreadable metadata '"
                        + marker.metadata() + "': was the group used by something else than this sink?", e);
            }
        }
        throw new io.sluice.spi.ConnectorException("the batch marker offset " + marker.offset() + " has metadata '"
                + marker.metadata() + "', not written by a Sluice sink: is the transactional id shared with another application?");
    }
}

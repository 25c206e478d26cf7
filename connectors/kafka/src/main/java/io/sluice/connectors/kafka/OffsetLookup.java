package io.sluice.connectors.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Offset questions to the cluster, through the planner's admin client. */
final class OffsetLookup {
    private final Admin admin;
    private final IsolationLevel isolation;
    private final Duration timeout;

    OffsetLookup(Admin admin, IsolationLevel isolation, Duration timeout) {
        this.admin = admin;
        this.isolation = isolation;
        this.timeout = timeout;
    }

    /** The end of each partition: the high watermark, or with read_committed the last stable offset. */
    Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) {
        return list(partitions, OffsetSpec.latest(), "end offsets");
    }

    /** The first offset still in each partition (the log start, after retention). */
    Map<TopicPartition, Long> starts(Collection<TopicPartition> partitions) {
        return list(partitions, OffsetSpec.earliest(), "start offsets");
    }

    /** The first offset at or after {@code epochMillis} per partition; the end where every record is older. */
    Map<TopicPartition, Long> atTimestamp(Collection<TopicPartition> partitions, long epochMillis) {
        Map<TopicPartition, Long> found = list(partitions, OffsetSpec.forTimestamp(epochMillis), "offsets at " + epochMillis);
        Map<TopicPartition, Long> ends = null;
        Map<TopicPartition, Long> result = new HashMap<>(found);
        for (Map.Entry<TopicPartition, Long> e : found.entrySet()) {
            if (e.getValue() < 0) {
                ends = ends != null ? ends : ends(partitions);
                result.put(e.getKey(), ends.get(e.getKey()));
            }
        }
        return result;
    }

    /** The group's committed offsets of those of {@code partitions} that have one. */
    Map<TopicPartition, Long> committed(String groupId, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> all = KafkaFailures.await(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), timeout,
                "reading the committed offsets of group " + groupId);
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata o = all.get(p);
            if (o != null) {
                result.put(p, o.offset());
            }
        }
        return result;
    }

    /** Commits {@code offsets} for {@code groupId} (a group without members: the source never joins it). */
    void commit(String groupId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((p, o) -> commits.put(p, new OffsetAndMetadata(o)));
        KafkaFailures.await(admin.alterConsumerGroupOffsets(groupId, commits).all(), timeout,
                "committing offsets of group " + groupId);
    }

    private Map<TopicPartition, Long> list(Collection<TopicPartition> partitions, OffsetSpec spec, String what) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResultInfo> info = KafkaFailures.await(
                admin.listOffsets(request, new ListOffsetsOptions(isolation)).all(), timeout, "listing " + what);
        Map<TopicPartition, Long> result = new HashMap<>();
        info.forEach((p, i) -> result.put(p, i.offset()));
        return result;
    }
}

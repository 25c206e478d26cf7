package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.KafkaSourceFactory.COMMITTED;
import static io.sluice.connectors.kafka.KafkaSourceFactory.EARLIEST;
import static io.sluice.connectors.kafka.KafkaSourceFactory.LATEST;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where partitions without a position start: on the first plan of a fresh pipeline, as
 * {@code starting-offsets} says; partitions (and topics) that appear later, from their start, so nothing
 * written to them before they were noticed is missed.
 *
 * @param mode        earliest, latest, committed or timestamp
 * @param timestamp   epoch milliseconds for mode timestamp
 * @param autoReset   earliest or latest, for committed partitions without a committed offset
 * @param groupId     the group whose committed offsets mode committed reads
 */
record StartingOffsets(String mode, long timestamp, String autoReset, String groupId) {

    Map<TopicPartition, Long> resolve(List<TopicPartition> partitions, boolean firstPlan, OffsetLookup lookup) {
        String effective = firstPlan ? mode : EARLIEST;
        return switch (effective) {
            case EARLIEST -> lookup.starts(partitions);
            case LATEST -> lookup.ends(partitions);
            case COMMITTED -> committedOrReset(partitions, lookup);
            default -> lookup.atTimestamp(partitions, timestamp);
        };
    }

    private Map<TopicPartition, Long> committedOrReset(List<TopicPartition> partitions, OffsetLookup lookup) {
        Map<TopicPartition, Long> result = new HashMap<>(lookup.committed(groupId, partitions));
        List<TopicPartition> without = partitions.stream().filter(p -> !result.containsKey(p)).toList();
        if (!without.isEmpty()) {
            result.putAll(LATEST.equals(autoReset) ? lookup.ends(without) : lookup.starts(without));
        }
        return result;
    }
}

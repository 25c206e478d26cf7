package io.sluice.connectors.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * One split: the offsets {@code [from, until)} of one partition. With read_committed input some offsets in
 * the range are transaction markers or aborted records, so a range may hold fewer records than offsets.
 */
record OffsetRange(String topic, int partition, long from, long until) {
    OffsetRange {
        if (from < 0 || until < from) {
            throw new IllegalArgumentException("bad offset range [" + from + ", " + until + ") of " + topic + "-" + partition);
        }
    }

    TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    long size() {
        return until - from;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "[" + from + ", " + until + ")";
    }
}

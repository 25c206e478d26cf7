package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.Sources.batch;
import static io.sluice.connectors.kafka.Sources.planner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.source.SplitPlanner;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner against a real broker: offset ranges, limits, subscriptions, starting offsets, commits, retention. */
class KafkaPlannerIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    private static List<String> values(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "v" + i).toList();
    }

    @Test
    void eachBatchPlansTheNewOffsetsOfEveryPartition() {
        String topic = cluster.createTopic("ranges", 2);
        cluster.sendAll(topic, 0, values(0, 3));
        cluster.sendAll(topic, 1, values(0, 1));
        try (SplitPlanner<OffsetRange> planner = planner(cluster, Map.of("topics", topic, "starting-offsets", "earliest"))) {
            assertThat(planner.plan(batch(1), Long.MAX_VALUE)).containsExactly(
                    new OffsetRange(topic, 0, 0, 3), new OffsetRange(topic, 1, 0, 1));
            cluster.sendAll(topic, 0, values(3, 5));
            assertThat(planner.plan(batch(2), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 3, 5));
            assertThat(planner.plan(batch(3), Long.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void maxRecordsPerPartitionLimitsEachBatch() {
        String topic = cluster.createTopic("limited", 1);
        cluster.sendAll(topic, 0, values(0, 5));
        try (SplitPlanner<OffsetRange> planner = planner(cluster,
                Map.of("topics", topic, "starting-offsets", "earliest", "max-records-per-partition", 2))) {
            assertThat(planner.plan(batch(1), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 0, 2));
            assertThat(planner.plan(batch(2), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 2, 4));
            assertThat(planner.plan(batch(3), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 4, 5));
        }
    }

    @Test
    void theBatchBudgetIsSharedFairlyBetweenPartitions() {
        String topic = cluster.createTopic("budget", 3);
        cluster.sendAll(topic, 0, values(0, 10));
        cluster.sendAll(topic, 1, values(0, 10));
        cluster.sendAll(topic, 2, values(0, 1));
        try (SplitPlanner<OffsetRange> planner = planner(cluster, Map.of("topics", topic, "starting-offsets", "earliest"))) {
            List<OffsetRange> splits = planner.plan(batch(1), 7);
            assertThat(splits.stream().mapToLong(OffsetRange::size).sum()).isEqualTo(7);
            assertThat(splits).containsExactlyInAnyOrder(new OffsetRange(topic, 0, 0, 3), new OffsetRange(topic, 1, 0, 3),
                    new OffsetRange(topic, 2, 0, 1));
            assertThat(planner.plan(batch(2), Long.MAX_VALUE)).containsExactlyInAnyOrder(
                    new OffsetRange(topic, 0, 3, 10), new OffsetRange(topic, 1, 3, 10));
        }
    }

    @Test
    void aPatternPicksUpTopicsCreatedWhileRunningFromTheirStart() {
        String prefix = "pattern-" + UUID.randomUUID().toString().substring(0, 8);
        cluster.createExactly(prefix + "-a", 1, (short) 1, Map.of());
        cluster.sendAll(prefix + "-a", 0, values(0, 2));
        try (SplitPlanner<OffsetRange> planner = planner(cluster,
                Map.of("topic-pattern", prefix + "-.*", "starting-offsets", "latest"))) {
            assertThat(planner.plan(batch(1), Long.MAX_VALUE)).as("latest: what was there is skipped").isEmpty();
            cluster.sendAll(prefix + "-a", 0, values(2, 3));
            cluster.createExactly(prefix + "-b", 1, (short) 1, Map.of());
            cluster.createExactly("other-" + prefix, 1, (short) 1, Map.of());
            cluster.sendAll(prefix + "-b", 0, values(0, 4));
            cluster.sendAll("other-" + prefix, 0, values(0, 4));
            assertThat(planner.plan(batch(2), Long.MAX_VALUE)).containsExactly(
                    new OffsetRange(prefix + "-a", 0, 2, 3), new OffsetRange(prefix + "-b", 0, 0, 4));
        }
    }

    @Test
    void partitionsAddedWhileRunningAreReadFromTheirStart() throws Exception {
        String topic = cluster.createTopic("growing", 1);
        cluster.sendAll(topic, 0, values(0, 2));
        try (SplitPlanner<OffsetRange> planner = planner(cluster, Map.of("topics", topic, "starting-offsets", "earliest"))) {
            assertThat(planner.plan(batch(1), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 0, 2));
            cluster.admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get(60, TimeUnit.SECONDS);
            cluster.sendAll(topic, 1, values(0, 3));
            assertThat(planner.plan(batch(2), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 1, 0, 3));
        }
    }

    @Test
    void aListedTopicThatDoesNotExistYetIsPlannedOnceItDoes() {
        String topic = "later-" + UUID.randomUUID().toString().substring(0, 8);
        try (SplitPlanner<OffsetRange> planner = planner(cluster, Map.of("topics", topic, "starting-offsets", "latest"))) {
            assertThat(planner.plan(batch(1), Long.MAX_VALUE)).isEmpty();
            cluster.createExactly(topic, 1, (short) 1, Map.of());
            cluster.sendAll(topic, 0, values(0, 2));
            assertThat(planner.plan(batch(2), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 0, 2));
        }
    }

    @Test
    void startingOffsetsEarliestLatestCommittedAndTimestamp() throws Exception {
        String topic = cluster.createTopic("starting", 2);
        for (int i = 0; i < 4; i++) {
            cluster.send(new ProducerRecord<>(topic, 0, 1_000L * (i + 1), null, TestCluster.bytes("v" + i)));
        }
        cluster.sendAll(topic, 1, values(0, 3));
        String group = "group-" + UUID.randomUUID();
        cluster.admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)))
                .all().get(60, TimeUnit.SECONDS);

        assertThat(firstPlan(Map.of("topics", topic, "starting-offsets", "earliest"))).containsExactly(
                new OffsetRange(topic, 0, 0, 4), new OffsetRange(topic, 1, 0, 3));
        assertThat(firstPlan(Map.of("topics", topic, "starting-offsets", "latest"))).isEmpty();
        assertThat(firstPlan(Map.of("topics", topic, "starting-offsets", "committed", "group-id", group,
                "auto-offset-reset", "earliest"))).containsExactly(new OffsetRange(topic, 0, 1, 4), new OffsetRange(topic, 1, 0, 3));
        assertThat(firstPlan(Map.of("topics", topic, "starting-offsets", "committed", "group-id", group)))
                .as("auto-offset-reset latest for the partition without a commit").containsExactly(new OffsetRange(topic, 0, 1, 4));
        assertThat(firstPlan(Map.of("topics", topic, "starting-offsets", "timestamp", "starting-timestamp", "3000")))
                .as("partition 0 from its first record at or after 3000 ms; partition 1's records carry today's time")
                .containsExactly(new OffsetRange(topic, 0, 2, 4), new OffsetRange(topic, 1, 0, 3));
        assertThat(firstPlan(Map.of("topics", topic, "starting-offsets", "timestamp",
                "starting-timestamp", "2999-01-01T00:00:00Z"))).as("no record that new").isEmpty();
    }

    private static List<OffsetRange> firstPlan(Map<String, Object> keys) {
        try (SplitPlanner<OffsetRange> planner = planner(cluster, keys)) {
            return planner.plan(batch(1), Long.MAX_VALUE);
        }
    }

    @Test
    void aRestoredPlannerContinuesFromThePosition() {
        String topic = cluster.createTopic("restore", 2);
        cluster.sendAll(topic, 0, values(0, 3));
        Map<String, Object> keys = Map.of("topics", topic, "starting-offsets", "latest");
        byte[] position;
        try (SplitPlanner<OffsetRange> planner = planner(cluster, Map.of("topics", topic, "starting-offsets", "earliest"))) {
            planner.plan(batch(1), Long.MAX_VALUE);
            position = planner.position();
        }
        cluster.sendAll(topic, 0, values(3, 5));
        cluster.sendAll(topic, 1, values(0, 2));
        try (SplitPlanner<OffsetRange> restored = planner(cluster, keys)) {
            restored.restore(position);
            assertThat(restored.plan(batch(2), Long.MAX_VALUE)).as("starting-offsets does not apply to a restored planner")
                    .containsExactly(new OffsetRange(topic, 0, 3, 5), new OffsetRange(topic, 1, 0, 2));
            assertThat(PartitionOffsets.decode(restored.position()).asMap()).containsExactly(
                    Map.entry(new TopicPartition(topic, 0), 5L), Map.entry(new TopicPartition(topic, 1), 2L));
        }
    }

    @Test
    void completedBatchesCommitTheirOffsetsToTheGroup() throws Exception {
        String topic = cluster.createTopic("commits", 2);
        cluster.sendAll(topic, 0, values(0, 3));
        String group = "lag-" + UUID.randomUUID();
        try (SplitPlanner<OffsetRange> planner = planner(cluster,
                Map.of("topics", topic, "starting-offsets", "earliest", "group-id", group))) {
            planner.plan(batch(1), Long.MAX_VALUE);
            cluster.sendAll(topic, 1, values(0, 2));
            planner.plan(batch(2), Long.MAX_VALUE);
            assertThat(committed(group)).as("nothing before a batch completed").isEmpty();
            planner.batchCompleted(batch(1));
            assertThat(committed(group)).containsOnly(
                    Map.entry(new TopicPartition(topic, 0), 3L), Map.entry(new TopicPartition(topic, 1), 0L));
            planner.batchCompleted(batch(2));
            assertThat(committed(group)).containsOnly(
                    Map.entry(new TopicPartition(topic, 0), 3L), Map.entry(new TopicPartition(topic, 1), 2L));
        }
        try (SplitPlanner<OffsetRange> next = planner(cluster,
                Map.of("topics", topic, "starting-offsets", "committed", "group-id", group))) {
            cluster.sendAll(topic, 0, values(3, 4));
            assertThat(next.plan(batch(1), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 3, 4));
        }
    }

    private static Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = cluster.admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
        return offsets == null ? Collections.emptyMap() : offsets.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Test
    void offsetsRemovedByRetentionFailClearlyOrSkipAsConfigured() throws Exception {
        String topic = cluster.createTopic("retention", 1);
        cluster.sendAll(topic, 0, values(0, 10));
        Map<String, Object> keys = Map.of("topics", topic, "starting-offsets", "earliest", "max-records-per-partition", 2);
        byte[] position;
        try (SplitPlanner<OffsetRange> planner = planner(cluster, keys)) {
            assertThat(planner.plan(batch(1), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 0, 2));
            position = planner.position();
        }
        TopicPartition p0 = new TopicPartition(topic, 0);
        cluster.admin.deleteRecords(Map.of(p0, RecordsToDelete.beforeOffset(6))).all().get(60, TimeUnit.SECONDS);

        try (SplitPlanner<OffsetRange> failing = planner(cluster, keys)) {
            failing.restore(position);
            assertThatThrownBy(() -> failing.plan(batch(2), Long.MAX_VALUE)).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("offsets [2, 6) of " + topic + "-0 were removed by retention")
                    .hasMessageContaining("on-offset-out-of-range");
            assertThat(failing.position()).as("a failed plan changes nothing").isEqualTo(position);
        }
        try (SplitPlanner<OffsetRange> earliest = planner(cluster, with(keys, "on-offset-out-of-range", "earliest"))) {
            earliest.restore(position);
            assertThat(earliest.plan(batch(2), Long.MAX_VALUE)).containsExactly(new OffsetRange(topic, 0, 6, 8));
        }
        try (SplitPlanner<OffsetRange> latest = planner(cluster, with(keys, "on-offset-out-of-range", "latest"))) {
            latest.restore(position);
            assertThat(latest.plan(batch(2), Long.MAX_VALUE)).isEmpty();
            assertThat(PartitionOffsets.decode(latest.position()).asMap()).containsEntry(p0, 10L);
        }
    }

    static Map<String, Object> with(Map<String, Object> keys, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(keys);
        copy.put(key, value);
        return copy;
    }

    @Test
    void planningFailsRetriablyWhileNoBrokerAnswers() {
        io.sluice.spi.config.Config config = io.sluice.spi.config.Config.builder(KafkaSourceFactory.SPEC)
                .setRaw("bootstrap-servers", List.of("127.0.0.1:1")).setRaw("topics", "t").setRaw("request-timeout", "1s").build();
        try (SplitPlanner<OffsetRange> planner = Sources.source(config).createPlanner(Sources.context(config))) {
            assertThatThrownBy(() -> planner.plan(batch(1), Long.MAX_VALUE)).isInstanceOf(io.sluice.spi.RetriableException.class)
                    .hasMessageContaining("listing topics");
            assertThat(PartitionOffsets.decode(planner.position()).asMap()).as("a failed plan changes nothing").isEmpty();
        }
    }
}

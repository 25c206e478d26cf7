package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two Kafka examples run as a user would run them: bus-sensors-to-kafka.yaml writes the fleet's events to
 * a 6-partition topic, bus-occupancy-kafka.yaml reads them (map, key-by, reduce, state, filter) and writes the
 * alerts exactly once. Every bus whose final occupancy (a plain loop over the events in the topic) is at or over
 * capacity has an alert carrying exactly that occupancy, and every alert is at or over capacity.
 */
@Tag("slow")   // two pipelines, 30,000 events: 25-35 s on the shared build machine
class BusOccupancyKafkaExampleIT {
    private static final Path EXAMPLES = Path.of("../../examples");
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void theFleetFeedsKafkaAndTheOccupancyPipelineWritesTheAlerts() throws Exception {
        Map<String, String> keep = Map.of("retention.ms", "-1");   // the workload's event times are in 2024
        String events = cluster.createTopic("bus-events", 6, (short) 1, keep);
        String alerts = cluster.createTopic("bus-alerts", 3, (short) 1, keep);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP", cluster.bootstrapServers(), "EVENTS_TOPIC", events,
                "ALERTS_TOPIC", alerts, "BUSES", "200", "EVENTS_PER_BATCH", "5000", "LIMIT", "30000");

        Pipelines fleet = Pipelines.file(EXAMPLES.resolve("bus-sensors-to-kafka.yaml"), env,
                StreamingContext.builder().batchInterval(Duration.ofMillis(100)).parallelism(2)).start();
        assertThat(fleet.context.awaitTermination(DEADLINE)).as("the bounded fleet finishes").isTrue();
        assertThat(fleet.failures()).isEmpty();

        Map<String, long[]> expected = occupancyOf(events);   // bus -> {occupancy, capacity}
        assertThat(expected).hasSize(200);

        Pipelines occupancy = Pipelines.file(EXAMPLES.resolve("bus-occupancy-kafka.yaml"), env,
                StreamingContext.builder().batchInterval(Duration.ofMillis(500)).parallelism(2)).start();
        try {
            await().atMost(DEADLINE).until(() -> consumedAll("bus-occupancy", events));
            await().atMost(DEADLINE).untilAsserted(() -> {
                Map<String, Record> lastAlert = lastAlertPerBus(alerts);
                expected.forEach((bus, oc) -> {
                    if (oc[0] >= oc[1]) {
                        assertThat(lastAlert).containsKey(bus);
                        assertThat(lastAlert.get(bus).getLong("occupancy")).as("occupancy of %s", bus).isEqualTo(oc[0]);
                    }
                });
                lastAlert.values().forEach(a -> assertThat(a.getLong("occupancy")).isGreaterThanOrEqualTo(a.getLong("capacity")));
            });
        } finally {
            occupancy.context.stop(true);
            occupancy.context.awaitTermination(DEADLINE);
        }
        assertThat(occupancy.failures()).isEmpty();
        assertThat(occupancy.bad).isEmpty();
    }

    private static Map<String, long[]> occupancyOf(String topic) {
        RecordFormat json = RecordFormats.standard().get("json");
        Map<String, long[]> byBus = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : cluster.readAll(topic, "read_committed")) {
            Record e = json.decode(r.value());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(e.getString("bus"));
            long[] oc = byBus.computeIfAbsent(e.getString("bus"), b -> new long[2]);
            oc[0] += e.getLong("boarded") - e.getLong("alighted");
            oc[1] = e.getLong("capacity");
        }
        return byBus;
    }

    private static boolean consumedAll(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = cluster.admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        var ends = cluster.consumer("read_committed");
        try (ends) {
            Map<TopicPartition, Long> end = ends.endOffsets(ends.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList());
            return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
        }
    }

    private static Map<String, Record> lastAlertPerBus(String topic) {
        RecordFormat json = RecordFormats.standard().get("json");
        Map<String, Record> last = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : cluster.readAll(topic, "read_committed")) {
            last.put(new String(r.key(), StandardCharsets.UTF_8), json.decode(r.value()));
        }
        return last;
    }
}

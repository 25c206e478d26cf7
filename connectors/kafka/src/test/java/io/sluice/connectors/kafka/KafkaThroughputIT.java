package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures Kafka to Sluice to Kafka with WORKLOAD.md's bus-sensor events (JSON, 6 partitions), exactly-once on
 * and off, for two pipelines: the bus example (parse, map, reduce by bus, running state, filter: few records
 * out) and a pass-through (map each event to {bus, delta}: one record out per event in). The topic is filled
 * first by bus-sensors-to-kafka.yaml (generator to kafka sink, also measured); each pipeline then reads it from
 * the start with batches cut back to back on a manual clock. Prints {@code KAFKA-BENCH} lines: events / the sum
 * of the batches' processing times, and events / wall time. Never asserts on timing. The broker runs in the same
 * JVM on the same cores, so the figures include the broker's work.
 *
 * <pre>{@code
 * ./mvnw -q -o -B verify -pl connectors/kafka -Dit.test=KafkaThroughputIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkafka.bench.events=1000000
 * }</pre>
 */
@Tag("slow")
class KafkaThroughputIT {
    private static final int EVENTS = Integer.getInteger("kafka.bench.events", 600_000);
    private static final int PER_PARTITION_PER_BATCH = 20_000;
    /** The workload's event times are in 2024: without this, time-based retention deletes them at once. */
    private static final Map<String, String> KEEP = Map.of("retention.ms", "-1");
    private static TestCluster cluster;
    private static String events;

    @BeforeAll
    static void fillTheTopic() throws Exception {
        cluster = TestCluster.single();
        events = cluster.createTopic("bench-events", 6, (short) 1, KEEP);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP", cluster.bootstrapServers(), "EVENTS_TOPIC", events,
                "EVENTS_PER_BATCH", "100000", "LIMIT", String.valueOf(EVENTS));
        Pipelines fleet = Pipelines.file(Path.of("../../examples/bus-sensors-to-kafka.yaml"), env,
                StreamingContext.builder().batchInterval(Duration.ofMillis(100)).parallelism(2));
        long start = System.nanoTime();
        fleet.start();
        assertThat(fleet.context.awaitTermination(Duration.ofMinutes(10))).isTrue();
        long wall = System.nanoTime() - start;
        assertThat(fleet.failures()).isEmpty();
        assertThat(fleet.recordsIn()).isEqualTo(EVENTS);
        print("generator-to-kafka", "at-least-once", fleet.reports.stream().mapToLong(BatchReport::processingMillis).sum(), wall);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    private static final String SOURCE = """
            name: kafka-bench
            batch-interval: 1s
            sources:
              sensors:
                type: kafka
                bootstrap-servers: ["%1$s"]
                topics: [%2$s]
                group-id: %3$s
                starting-offsets: earliest
                max-records-per-partition: %4$d
                metadata-fields: false
            """;

    private static final String BUS = """
            streams:
              occupancy:
                from: sensors
                steps:
                  - map: {bus: "bus", delta: "boarded - alighted", capacity: "capacity"}
                  - key-by: bus
                  - reduce-by-key: {delta: "sum(delta)", capacity: "last(capacity)"}
                  - update-state: {occupancy: "sum(delta)", capacity: "last(capacity)"}
              alerts:
                from: occupancy
                steps:
                  - filter: "occupancy >= capacity"
            sinks:
              out: {type: kafka, from: alerts, bootstrap-servers: ["%1$s"], topic: %5$s, delivery: %6$s}
            """;

    private static final String PASS_THROUGH = """
            streams:
              deltas:
                from: sensors
                steps:
                  - map: {bus: "bus", delta: "boarded - alighted"}
            sinks:
              out: {type: kafka, from: deltas, bootstrap-servers: ["%1$s"], topic: %5$s, key-field: bus, delivery: %6$s}
            """;

    @Test
    void busOccupancyAtLeastOnce() throws Exception {
        run("bus-occupancy", BUS, "at-least-once");
    }

    @Test
    void busOccupancyExactlyOnce() throws Exception {
        run("bus-occupancy", BUS, "exactly-once");
    }

    @Test
    void passThroughAtLeastOnce() throws Exception {
        run("pass-through", PASS_THROUGH, "at-least-once");
    }

    @Test
    void passThroughExactlyOnce() throws Exception {
        run("pass-through", PASS_THROUGH, "exactly-once");
    }

    /** The reference: a plain consumer and an idempotent producer copying the events, unparsed, in one thread. */
    @Test
    void plainClientsBaseline() {
        String output = cluster.createTopic("bench-out", 6, (short) 1, KEEP);
        java.util.Properties p = new java.util.Properties();
        p.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class);
        p.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class);
        p.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        long start = System.nanoTime();
        long copied = 0;
        try (var consumer = cluster.consumer("read_committed");
             var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(p)) {
            var partitions = consumer.partitionsFor(events).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(events, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (copied < EVENTS) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(output, r.key(), r.value()));
                    copied++;
                }
            }
            producer.flush();
        }
        long wall = System.nanoTime() - start;
        assertThat(copied).isEqualTo(EVENTS);
        print("plain-clients-copy", "at-least-once", wall / 1_000_000, wall);
    }

    private static void run(String name, String streams, String delivery) throws Exception {
        String output = cluster.createTopic("bench-out", 6, (short) 1, KEEP);
        String yaml = (SOURCE + streams).formatted(cluster.bootstrapServers(), events, "bench-" + UUID.randomUUID(),
                PER_PARTITION_PER_BATCH, output, delivery);
        ManualClock clock = new ManualClock();
        Pipelines pipeline = Pipelines.yaml(yaml, Map.of(), StreamingContext.builder().clock(clock).parallelism(2));
        long start = System.nanoTime();
        pipeline.start();
        try {
            int batches = 0;
            while (pipeline.recordsIn() < EVENTS) {
                int before = pipeline.reports.size();
                clock.advance(Duration.ofSeconds(1));
                org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> pipeline.reports.size() > before);
                assertThat(pipeline.failures()).isEmpty();
                assertThat(++batches).as("batches to read %d events", EVENTS).isLessThan(EVENTS / PER_PARTITION_PER_BATCH + 10);
            }
        } finally {
            pipeline.context.stop(true);
            pipeline.context.awaitTermination(Duration.ofMinutes(1));
        }
        long wall = System.nanoTime() - start;
        assertThat(pipeline.recordsIn()).isEqualTo(EVENTS);
        if (name.equals("pass-through")) {
            assertThat(cluster.readAll(output, "read_committed")).hasSize(EVENTS);
        }
        print(name, delivery, pipeline.reports.stream().mapToLong(BatchReport::processingMillis).sum(), wall);
    }

    private static void print(String pipeline, String delivery, long processingMillis, long wallNanos) {
        System.out.printf("KAFKA-BENCH pipeline=%s delivery=%s events=%d processing_s=%.2f events_per_s=%.0f wall_s=%.2f wall_events_per_s=%.0f%n",
                pipeline, delivery, EVENTS, processingMillis / 1000.0, EVENTS * 1000.0 / Math.max(1, processingMillis),
                wallNanos / 1e9, EVENTS * 1e9 / wallNanos);
    }
}

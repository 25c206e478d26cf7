package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.stream.StreamingContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three brokers, topics replicated three times with min.insync.replicas 2: the broker leading an input
 * partition is stopped while a kafka-to-kafka pipeline (exactly-once sink) runs and events keep arriving. The
 * pipeline carries on, and the output holds every event exactly once.
 */
@Tag("slow")
class LeaderFailoverIT {
    private static final int EVENTS = 6_000;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.threeBrokers();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void stoppingAPartitionLeaderLosesNothingAndDuplicatesNothing() throws Exception {
        Map<String, String> replicated = Map.of("min.insync.replicas", "2");
        String input = cluster.createTopic("failover-in", 3, (short) 3, replicated);
        String output = cluster.createTopic("failover-out", 3, (short) 3, replicated);
        String yaml = """
                name: failover
                batch-interval: 200ms
                sources:
                  events:
                    type: kafka
                    bootstrap-servers: ["%1$s"]
                    topics: [%2$s]
                    starting-offsets: earliest
                    max-records-per-partition: 400
                    read-timeout: 10s
                streams:
                  doubled:
                    from: events
                    steps:
                      - map: {id: "id", twice: "id * 2"}
                sinks:
                  out:
                    type: kafka
                    from: doubled
                    bootstrap-servers: ["%1$s"]
                    topic: %3$s
                    key-field: id
                    delivery: exactly-once
                """.formatted(cluster.bootstrapServers(), input, output);
        Pipelines pipeline = Pipelines.yaml(yaml, Map.of(), StreamingContext.builder().parallelism(2)
                .batchRetries(30, Duration.ofMillis(200))).start();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, input, 0, EVENTS / 2);
            await().atMost(Duration.ofMinutes(1)).until(() -> cluster.values(output, "read_committed").size() >= EVENTS / 4);
            int leader = leaderOfPartition0(input);
            cluster.kit.brokers().get(leader).shutdown();   // mid-stream: the pipeline is still reading the first half
            send(producer, input, EVENTS / 2, EVENTS);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> distinctIds(cluster.values(output, "read_committed")).size() == EVENTS);
        } finally {
            pipeline.context.stop(true);
            pipeline.context.awaitTermination(Duration.ofMinutes(1));
        }
        List<String> values = cluster.values(output, "read_committed");
        assertThat(distinctIds(values)).hasSize(EVENTS);
        assertThat(values).as("exactly once: no duplicates").hasSize(EVENTS);
        assertThat(pipeline.failures()).as("no batch failed for good").isEmpty();
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    /** Sends events {@code from} .. {@code to}-1 as {"id": i}, keyed, and waits until all are acknowledged. */
    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(topic, TestCluster.bytes("k" + i), TestCluster.bytes("{\"id\":" + i + "}")));
        }
        producer.flush();
    }

    private static int leaderOfPartition0(String topic) throws Exception {
        TopicDescription d = cluster.admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        return d.partitions().get(0).leader().id();
    }

    private static Set<String> distinctIds(List<String> values) {
        return new HashSet<>(values);
    }
}

package io.sluice.dist;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One in-process KRaft node (broker and controller combined, Kafka's own test kit) for a test that runs a
 * pipeline against it from the distribution: topics are made, filled and read with plain clients.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *     kafka.createTopic("in", 6);
 *     kafka.sendAll("in", List.of("{\"n\": 0}"));
 *     List<String> out = kafka.values("out", "read_committed");
 * }
 * }</pre>
 */
final class KafkaBroker implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private KafkaBroker(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = kit.admin();
    }

    static KafkaBroker start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaBroker(kit);
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka broker did not start", e);
        }
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends {@code values[i]} to partition {@code i % partitions} of {@code topic}, and waits for every ack. */
    void sendAll(String topic, int partitions, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, null, values.get(i))));
            }
            for (Future<?> f : sent) {
                f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The values of every record of {@code topic} that a consumer with {@code isolation} (read_committed or
     * read_uncommitted) sees, read from the start up to the end offsets as of now.
     */
    List<String> values(String topic, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + ends + " within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    /**
     * Waits until {@code transactionalId} has no transaction half-way through its commit or abort: a commit
     * returns to the producer once decided, and the markers that make it visible to read_committed readers
     * are written after.
     */
    void awaitTransactionSettled(String transactionalId) {
        await().atMost(TIMEOUT).until(() -> {
            try {
                TransactionState state = admin.describeTransactions(List.of(transactionalId))
                        .description(transactionalId).get(10, TimeUnit.SECONDS).state();
                return state != TransactionState.PREPARE_COMMIT && state != TransactionState.PREPARE_ABORT;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TransactionalIdNotFoundException) {
                    return true;
                }
                throw e;
            }
        });
    }

    @Override
    public void close() throws Exception {
        admin.close(Duration.ofSeconds(5));
        kit.close();
    }
}

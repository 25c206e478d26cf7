package io.sluice.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** In-process KRaft brokers (Kafka's own test kit) for one test class, with helpers to make and read topics. */
final class TestCluster implements AutoCloseable {
    final KafkaClusterTestKit kit;
    final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    private TestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = kit.admin();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // One request in flight: a first batch refused while a new topic's leader is not known yet cannot leave
        // later batches stuck on OUT_OF_ORDER_SEQUENCE_NUMBER (seen with the 4.3.1 client on fresh topics).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.producer = new KafkaProducer<>(p);
    }

    /** One combined broker + controller. */
    static TestCluster single() {
        return start(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build(), 1);
    }

    /** One broker and a separate controller, so the broker alone can be stopped and started again. */
    static TestCluster separateBroker() {
        return start(new TestKitNodes.Builder().setCombined(false).setNumBrokerNodes(1).setNumControllerNodes(1).build(), 1);
    }

    /** Three brokers and one controller, for replication. */
    static TestCluster threeBrokers() {
        return start(new TestKitNodes.Builder().setCombined(false).setNumBrokerNodes(3).setNumControllerNodes(1).build(), 3);
    }

    private static TestCluster start(TestKitNodes nodes, int replication) {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", String.valueOf(replication))
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", String.valueOf(replication))
                    .setConfigProp("transaction.state.log.min.isr", String.valueOf(Math.min(2, replication)))
                    .setConfigProp("transaction.state.log.num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("log.retention.check.interval.ms", "1000")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new TestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka cluster did not start", e);
        }
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** A topic with a unique name starting with {@code prefix}. */
    String createTopic(String prefix, int partitions) {
        return createTopic(prefix, partitions, (short) 1, Map.of());
    }

    String createTopic(String prefix, int partitions, short replication, Map<String, String> configs) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        createExactly(name, partitions, replication, configs);
        return name;
    }

    void createExactly(String name, int partitions, short replication, Map<String, String> configs) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, replication).configs(configs))).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
        // a topic just created may be unknown to the broker answering for a moment: ask again
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.describeTopics(List.of(name))
                .allTopicNames().get(10, TimeUnit.SECONDS).get(name).partitions().stream().allMatch(p -> p.leader() != null));
    }

    void send(String topic, int partition, String key, String value) {
        send(new ProducerRecord<>(topic, partition, bytes(key), bytes(value)));
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    /** Sends {@code values} to one partition and waits for all of them. */
    void sendAll(String topic, int partition, List<String> values) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (String v : values) {
            sent.add(producer.send(new ProducerRecord<>(topic, partition, null, bytes(v))));
        }
        for (java.util.concurrent.Future<?> f : sent) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot send to " + topic, e);
            }
        }
    }

    /** A consumer (no group) with the given isolation level. */
    KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p);
    }

    /** Every record of {@code topic} visible with {@code isolation} (read up to the end offsets as of now). */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolation) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(isolation)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to " + ends + " within 60 s");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    /** The values of {@link #readAll} as UTF-8. */
    List<String> values(String topic, String isolation) {
        return readAll(topic, isolation).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    /**
     * Waits until {@code transactionalId} has no transaction half-way through its commit or abort: a commit
     * returns to the producer once decided, and the markers that make it visible to read_committed readers
     * follow asynchronously.
     */
    void awaitTransactionSettled(String transactionalId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                org.apache.kafka.clients.admin.TransactionState state = admin.describeTransactions(List.of(transactionalId))
                        .description(transactionalId).get(10, TimeUnit.SECONDS).state();
                return !state.toString().startsWith("Prepare") && !state.name().startsWith("PREPARE");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TransactionalIdNotFoundException) {
                    return true;
                }
                throw e;
            }
        });
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka cluster did not shut down cleanly", e);
        }
    }
}

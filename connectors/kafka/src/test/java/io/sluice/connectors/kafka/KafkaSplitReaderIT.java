package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.Sources.batch;
import static io.sluice.connectors.kafka.Sources.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader against a real broker: every key and value format, headers, metadata, transactions, retention. */
class KafkaSplitReaderIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    private record Reading(List<Record> records, TestComponentContext context) {
    }

    /** Plans once from the start of {@code topic} and reads every split. */
    private static Reading readAll(String topic, Map<String, Object> keys) {
        Map<String, Object> all = new HashMap<>(keys);
        all.put("topics", topic);
        all.put("starting-offsets", "earliest");
        Config config = Sources.config(cluster, all);
        TestComponentContext context = Sources.context(config);
        var source = Sources.source(config);
        List<Record> records = new java.util.ArrayList<>();
        try (SplitPlanner<OffsetRange> planner = source.createPlanner(context);
             SplitReader<OffsetRange> reader = source.createReader(context)) {
            for (OffsetRange split : planner.plan(batch(1), Long.MAX_VALUE)) {
                records.addAll(read(reader, split));
            }
        }
        return new Reading(records, context);
    }

    private static ProducerRecord<byte[], byte[]> kafkaRecord(String topic, String key, String value) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, 0, 1_732_390_000_042L, TestCluster.bytes(key), TestCluster.bytes(value));
        r.headers().add(new RecordHeader("source", TestCluster.bytes("sensor-7")));
        return r;
    }

    @Test
    void jsonValuesBecomeFieldsWithMetadataHeadersKeyAndTimestamp() {
        String topic = cluster.createTopic("json", 1);
        cluster.send(kafkaRecord(topic, "bus-0042", "{\"bus\":\"bus-0042\",\"boarded\":3}"));
        Record r = readAll(topic, Map.of()).records().get(0);
        assertThat(r.fields()).containsExactly(Map.entry("bus", "bus-0042"), Map.entry("boarded", 3L), Map.entry("topic", topic),
                Map.entry("partition", 0L), Map.entry("offset", 0L), Map.entry("timestamp", 1_732_390_000_042L));
        assertThat(r.key()).isEqualTo("bus-0042");
        assertThat(r.headers()).containsExactly(Map.entry("source", "sensor-7"));
        assertThat(r.timestamp()).isEqualTo(1_732_390_000_042L);
        assertThat(r.position()).isEqualTo(topic + "-0@0");
    }

    @Test
    void stringAndBytesValuesJsonAndBytesKeysPrefixedOrNoMetadata() {
        String topic = cluster.createTopic("formats", 1);
        cluster.send(kafkaRecord(topic, "{\"id\":7}", "hello"));
        Record text = readAll(topic, Map.of("value-format", "string", "key-format", "json", "metadata-prefix", "kafka_"))
                .records().get(0);
        assertThat(text.fields()).containsEntry("value", "hello").containsEntry("kafka_topic", topic)
                .containsEntry("kafka_offset", 0L).doesNotContainKey("topic");
        assertThat(text.key()).isEqualTo(Map.of("id", 7L));
        Record raw = readAll(topic, Map.of("value-format", "bytes", "key-format", "bytes", "metadata-fields", false))
                .records().get(0);
        assertThat(raw.fields()).isEmpty();
        assertThat(raw.payloadAsString()).isEqualTo("hello");
        assertThat((byte[]) raw.key()).isEqualTo("{\"id\":7}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTombstoneCarriesTheMetadataOnly() {
        String topic = cluster.createTopic("tombstone", 1);
        cluster.send(kafkaRecord(topic, "k", null));
        Record r = readAll(topic, Map.of()).records().get(0);
        assertThat(r.fields()).containsOnlyKeys("topic", "partition", "offset", "timestamp");
        assertThat(r.key()).isEqualTo("k");
    }

    @Test
    void badJsonIsReportedWithItsPositionAndReadingGoesOn() {
        String topic = cluster.createTopic("bad-json", 1);
        cluster.sendAll(topic, 0, List.of("{\"n\":1}", "{not json", "{\"n\":3}"));
        Reading reading = readAll(topic, Map.of());
        assertThat(reading.records()).extracting(r -> r.get("n")).containsExactly(1L, 3L);
        var bad = reading.context().collectedErrors().raw();
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).origin()).isEqualTo(topic + "-0@1");
        assertThat(bad.get(0).rawAsString()).isEqualTo("{not json");
        assertThat(bad.get(0).cause().getMessage()).contains("topic " + topic + " partition 0 offset 1");
    }

    @Test
    void readCommittedSkipsAbortedRecordsAndTransactionMarkers() {
        String topic = cluster.createTopic("transactions", 1);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "reader-" + UUID.randomUUID());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.initTransactions();
            for (String[] txn : new String[][] {{"c1", "c2", "c3"}, {"a1", "a2"}, {"c4", "c5"}}) {
                producer.beginTransaction();
                for (String v : txn) {
                    producer.send(new ProducerRecord<>(topic, 0, null, TestCluster.bytes(v)));
                }
                if (txn[0].startsWith("a")) {
                    producer.flush();   // in the log, then aborted (unsent records would just be dropped)
                    producer.abortTransaction();
                } else {
                    producer.commitTransaction();
                }
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> readAll(topic, Map.of("value-format", "string")).records().size() == 5);
        List<Record> committed = readAll(topic, Map.of("value-format", "string")).records();
        assertThat(committed).extracting(r -> r.get("value")).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(readAll(topic, Map.of("value-format", "string", "isolation-level", "read_uncommitted")).records())
                .extracting(r -> r.get("value")).containsExactly("c1", "c2", "c3", "a1", "a2", "c4", "c5");
    }

    @Test
    void aRangeRemovedByRetentionFailsClearlyOrSkipsAsConfigured() throws Exception {
        String topic = cluster.createTopic("reader-retention", 1);
        cluster.sendAll(topic, 0, java.util.stream.IntStream.range(0, 10).mapToObj(i -> "v" + i).toList());
        cluster.admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(6))).all().get(60, TimeUnit.SECONDS);
        assertThatThrownBy(() -> readRange(topic, "fail", new OffsetRange(topic, 0, 2, 8)))
                .isInstanceOf(ConnectorException.class).hasMessageContaining(topic + "-0[2, 8)").hasMessageContaining("retention");
        assertThat(readRange(topic, "earliest", new OffsetRange(topic, 0, 2, 8))).containsExactly("v6", "v7");
        assertThat(readRange(topic, "earliest", new OffsetRange(topic, 0, 2, 4))).isEmpty();
        assertThat(readRange(topic, "latest", new OffsetRange(topic, 0, 2, 8))).isEmpty();
    }

    private static List<String> readRange(String topic, String onOutOfRange, OffsetRange split) {
        Config config = Sources.config(cluster, Map.of("topics", topic, "value-format", "string", "on-offset-out-of-range", onOutOfRange));
        try (SplitReader<OffsetRange> reader = Sources.source(config).createReader(Sources.context(config))) {
            return read(reader, split).stream().map(r -> r.getString("value")).toList();
        }
    }

    @Test
    void workerThreadsReadDifferentSplitsAtTheSameTime() throws Exception {
        String topic = cluster.createTopic("parallel", 4);
        for (int p = 0; p < 4; p++) {
            int partition = p;
            cluster.sendAll(topic, p, java.util.stream.IntStream.range(0, 500).mapToObj(i -> partition + "-" + i).toList());
        }
        Config config = Sources.config(cluster, Map.of("topics", topic, "value-format", "string", "starting-offsets", "earliest"));
        var source = Sources.source(config);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (SplitPlanner<OffsetRange> planner = source.createPlanner(Sources.context(config));
             SplitReader<OffsetRange> reader = source.createReader(Sources.context(config))) {
            List<OffsetRange> splits = planner.plan(batch(1), Long.MAX_VALUE);
            List<Future<List<Record>>> reads = splits.stream().map(s -> workers.submit(() -> read(reader, s))).toList();
            for (int i = 0; i < splits.size(); i++) {
                int partition = splits.get(i).partition();
                assertThat(reads.get(i).get(60, TimeUnit.SECONDS)).extracting(r -> r.getString("value"))
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 500).mapToObj(n -> partition + "-" + n).toList());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aSplitWithoutProgressFailsRetriablyWhileNoBrokerAnswers() {
        Config config = Config.builder(KafkaSourceFactory.SPEC).setRaw("bootstrap-servers", List.of("127.0.0.1:1"))
                .setRaw("topics", "t").setRaw("read-timeout", "1s").setRaw("request-timeout", "1s").build();
        try (SplitReader<OffsetRange> reader = Sources.source(config).createReader(Sources.context(config))) {
            assertThatThrownBy(() -> read(reader, new OffsetRange("t", 0, 0, 10))).isInstanceOf(RetriableException.class)
                    .hasMessageContaining("no progress reading t-0[0, 10)");
        }
    }
}

package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.Sinks.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink against a real broker: topics from fields, keys, value formats, headers, bad records. */
class KafkaSinkIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    private static Record alert(String bus, String line, long occupancy) {
        return Record.builder().field("bus", bus).field("line", line).field("occupancy", occupancy)
                .header("origin", "test").timestamp(1_732_390_000_123L).build();
    }

    @Test
    void writesJsonValuesKeyedByAFieldToTopicsMadeFromFields() {
        String prefix = cluster.createTopic("alerts", 3);
        cluster.createExactly(prefix + "-L1", 3, (short) 1, Map.of());
        cluster.createExactly(prefix + "-L2", 1, (short) 1, Map.of());
        try (Sink sink = Sinks.open(cluster, Map.of("topic", prefix + "-{line}", "key-field", "bus"))) {
            sink.write(batch(1), 0, List.of(alert("bus-1", "L1", 3), alert("bus-2", "L1", 4), alert("bus-1", "L1", 5)));
            sink.write(batch(1), 1, List.of(alert("bus-3", "L2", 7)));
            sink.commit(batch(1));
        }
        List<ConsumerRecord<byte[], byte[]>> l1 = cluster.readAll(prefix + "-L1", "read_committed");
        assertThat(l1).hasSize(3);
        Map<String, List<Integer>> partitionsByKey = l1.stream().collect(Collectors.groupingBy(
                r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.mapping(ConsumerRecord::partition, Collectors.toList())));
        assertThat(partitionsByKey.get("bus-1")).hasSize(2).as("one key, one partition").containsOnly(partitionsByKey.get("bus-1").get(0));
        ConsumerRecord<byte[], byte[]> l2 = cluster.readAll(prefix + "-L2", "read_committed").get(0);
        assertThat(new String(l2.value(), StandardCharsets.UTF_8)).isEqualTo("{\"bus\":\"bus-3\",\"line\":\"L2\",\"occupancy\":7}");
        assertThat(new String(l2.key(), StandardCharsets.UTF_8)).isEqualTo("bus-3");
        assertThat(l2.timestamp()).isEqualTo(1_732_390_000_123L);
        Header origin = l2.headers().lastHeader("origin");
        assertThat(new String(origin.value(), StandardCharsets.UTF_8)).isEqualTo("test");
    }

    @Test
    void stringAndBytesValuesAndTheRecordKey() {
        String strings = cluster.createTopic("strings", 1);
        String bytes = cluster.createTopic("bytes", 1);
        try (Sink text = Sinks.open(cluster, Map.of("topic", strings, "value-format", "string"));
             Sink raw = Sinks.open(cluster, Map.of("topic", bytes, "value-format", "bytes"))) {
            text.write(batch(1), 0, List.of(Record.builder().key("k1").field("value", "hello").build()));
            text.commit(batch(1));
            raw.write(batch(1), 0, List.of(Record.builder().payload(new byte[] {1, 2, 3}).build()));
            raw.commit(batch(1));
        }
        ConsumerRecord<byte[], byte[]> t = cluster.readAll(strings, "read_uncommitted").get(0);
        assertThat(new String(t.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(new String(t.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
        ConsumerRecord<byte[], byte[]> b = cluster.readAll(bytes, "read_uncommitted").get(0);
        assertThat(b.value()).containsExactly(1, 2, 3);
        assertThat(b.key()).isNull();
    }

    @Test
    void recordsWhoseTopicOrValueCannotBeMadeAreReportedAndTheRestIsWritten() {
        String topic = cluster.createTopic("partly", 1);
        Config config = Sinks.config(cluster, Map.of("topic", topic + "{suffix}", "value-format", "string"));
        TestComponentContext context = Sinks.context(config);
        try (Sink sink = new KafkaSinkFactory().create(config)) {
            sink.open(context);
            sink.write(batch(1), 0, List.of(
                    Record.builder().field("suffix", "").field("value", "ok").build(),
                    Record.builder().field("value", "no suffix").build(),
                    Record.builder().field("suffix", "").field("text", "no value").build(),
                    Record.builder().field("suffix", "/bad").field("value", "bad topic").build()));
            sink.commit(batch(1));
        }
        assertThat(cluster.values(topic, "read_uncommitted")).containsExactly("ok");
        assertThat(context.collectedErrors().records()).hasSize(3);
    }
}

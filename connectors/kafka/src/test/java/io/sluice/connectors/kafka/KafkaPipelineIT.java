package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka to Kafka through the engine, built with the Java API: filter and map between a kafka source and an
 * exactly-once kafka sink, stopped and started again while events keep arriving. A read_committed reader of
 * the output sees exactly the expected records, each once.
 */
class KafkaPipelineIT {
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

    private static final class Run {
        final StreamingContext context;
        final List<BatchReport> reports = new CopyOnWriteArrayList<>();

        Run(String input, String output, String group, String transactionalId) {
            context = StreamingContext.builder().name("kafka-pipeline").batchInterval(Duration.ofMillis(200))
                    .parallelism(2).formats(RecordFormats.standard()::get).listener(reports::add).build();
            RecordStream events = context.source("sources.events", new KafkaSourceFactory(), Sources.config(cluster,
                    Map.of("topics", input, "group-id", group, "starting-offsets", "committed", "auto-offset-reset", "earliest",
                            "max-records-per-partition", 300)));
            RecordStream kept = events.filter(r -> r.getLong("n") % 3 != 0);
            RecordStream.of(kept.map(r -> Record.builder().field("n", r.get("n")).field("tripled", r.getLong("n") * 3)
                            .key(r.getString("n")).build()))
                    .to("sinks.out", new KafkaSinkFactory(), Sinks.config(cluster, Map.of("topic", output,
                            "delivery", "exactly-once", "transactional-id-prefix", transactionalId)));
        }

        Run start() {
            context.start();
            return this;
        }

        void stop() throws InterruptedException {
            context.stop(true);
            assertThat(context.awaitTermination(DEADLINE)).isTrue();
            assertThat(reports).allMatch(BatchReport::succeeded);
        }
    }

    private static List<String> events(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> "{\"n\":" + n + "}").toList();
    }

    private static List<String> expected(int to) {
        return IntStream.range(0, to).filter(n -> n % 3 != 0).mapToObj(n -> "{\"n\":" + n + ",\"tripled\":" + (3L * n) + "}").toList();
    }

    @Test
    void filterAndMapBetweenTopicsExactlyOnceAcrossARestart() throws Exception {
        String input = cluster.createTopic("pipeline-in", 6);
        String output = cluster.createTopic("pipeline-out", 3);
        String group = "pipeline-" + UUID.randomUUID();
        String transactionalId = "pipeline-" + UUID.randomUUID();
        for (int p = 0; p < 6; p++) {
            cluster.sendAll(input, p, events(p * 500, p * 500 + 500));
        }
        Run first = new Run(input, output, group, transactionalId).start();
        await().atMost(DEADLINE).until(() -> cluster.values(output, "read_committed").size() >= 1000);
        first.stop();

        for (int p = 0; p < 6; p++) {
            cluster.sendAll(input, p, events(3000 + p * 100, 3000 + p * 100 + 100));
        }
        Run second = new Run(input, output, group, transactionalId).start();
        try {
            await().atMost(DEADLINE).until(() -> cluster.values(output, "read_committed").size() >= expected(3600).size());
        } finally {
            second.stop();
        }
        cluster.awaitTransactionSettled(transactionalId);
        assertThat(cluster.values(output, "read_committed")).containsExactlyInAnyOrderElementsOf(expected(3600));
    }
}

package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.Sinks.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.sink.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once output through crashes: a batch written but not committed, a batch committed but not marked
 * complete by the engine, a batch retried inside one sink, and a zombie instance fenced by its successor. A
 * read_committed consumer must see every record exactly once.
 */
class KafkaExactlyOnceIT {
    private static TestCluster cluster;
    private String topic;
    private String transactionalId;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void freshTopic() {
        topic = cluster.createTopic("exactly-once", 3);
        transactionalId = "eos-" + UUID.randomUUID();
    }

    private Sink openSink() {
        return Sinks.open(cluster, Map.of("topic", topic, "value-format", "string", "key-field", "key",
                "delivery", "exactly-once", "transactional-id-prefix", transactionalId));
    }

    /** Partition {@code p} of batch {@code id}: 5 records with distinct values. */
    private static List<Record> partition(long id, int p) {
        return IntStream.range(0, 5).mapToObj(i -> Record.builder()
                .field("key", "k" + i).field("value", "b" + id + "-p" + p + "-" + i).build()).toList();
    }

    private static List<String> values(long id, int partitions) {
        List<String> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            partition(id, p).forEach(r -> all.add(r.getString("value")));
        }
        return all;
    }

    private static void write(Sink sink, long id, int partitions) {
        for (int p = 0; p < partitions; p++) {
            sink.write(batch(id), p, partition(id, p));
        }
    }

    private List<String> visible() {
        cluster.awaitTransactionSettled(transactionalId);
        return cluster.values(topic, "read_committed");
    }

    @Test
    void aBatchWrittenButNotCommittedIsWrittenOnceWhenRunAgainAndTheZombieIsFenced() {
        Sink zombie = openSink();
        write(zombie, 1, 2);
        zombie.commit(batch(1));
        write(zombie, 2, 2);   // the process "dies" here: no commit, no close
        try (Sink restarted = openSink()) {
            write(restarted, 2, 2);
            restarted.commit(batch(2));
            write(restarted, 3, 2);
            restarted.commit(batch(3));

            assertThatThrownBy(() -> {
                zombie.write(batch(2), 2, partition(2, 2));
                zombie.commit(batch(2));
            }).as("the old instance is fenced").isInstanceOf(ConnectorException.class).hasMessageContaining("fenced");
        } finally {
            zombie.close();
        }
        List<String> expected = new ArrayList<>(values(1, 2));
        expected.addAll(values(2, 2));
        expected.addAll(values(3, 2));
        assertThat(visible()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBatchCommittedButNotMarkedCompleteIsSkippedWhenRunAgain() {
        try (Sink crashed = openSink()) {
            write(crashed, 1, 2);
            crashed.commit(batch(1));
            write(crashed, 2, 2);
            crashed.commit(batch(2));   // then the engine dies before marking batch 2 complete
        }
        try (Sink restarted = openSink()) {
            write(restarted, 2, 2);       // the engine runs batch 2 again: same id, same records
            restarted.commit(batch(2));
            write(restarted, 3, 2);
            restarted.commit(batch(3));
        }
        List<String> expected = new ArrayList<>(values(1, 2));
        expected.addAll(values(2, 2));
        expected.addAll(values(3, 2));
        assertThat(visible()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBatchRetriedInsideOneSinkIsWrittenOnce() {
        try (Sink sink = openSink()) {
            write(sink, 1, 3);   // attempt 1 wrote every partition, then another output failed the batch
            write(sink, 1, 3);   // attempt 2
            sink.commit(batch(1));
        }
        assertThat(visible()).containsExactlyInAnyOrderElementsOf(values(1, 3));
    }

    @Test
    void aRetryThatJoinedTheFailedAttemptsTransactionIsRunAgainIntoAFreshOne() {
        try (Sink sink = openSink()) {
            sink.write(batch(1), 0, partition(1, 0));   // attempt 1: partition 1 failed before writing
            sink.write(batch(1), 1, partition(1, 1));   // attempt 2, partition 1 first: joins attempt 1's transaction
            sink.write(batch(1), 0, partition(1, 0));   // partition 0 again: a retry, that transaction is aborted
            assertThatThrownBy(() -> sink.commit(batch(1))).isInstanceOf(RetriableException.class);
            sink.write(batch(1), 1, partition(1, 1));   // attempt 3
            sink.write(batch(1), 0, partition(1, 0));
            sink.commit(batch(1));
        }
        assertThat(visible()).containsExactlyInAnyOrderElementsOf(values(1, 2));
    }

    @Test
    void aPipelineThatNumbersItsBatchesAfreshIsNotMistakenForAReRun() {
        try (Sink first = openSink()) {
            write(first, 1, 1);
            first.commit(batch(1));
        }
        io.sluice.spi.BatchInfo laterBatch1 = new io.sluice.spi.BatchInfo(1, batch(1).time().plusSeconds(3600), batch(1).interval());
        List<Record> fresh = List.of(Record.builder().field("key", "k").field("value", "fresh run").build());
        try (Sink restarted = openSink()) {   // no batch log: batch ids start at 1 again, at new batch times
            restarted.write(laterBatch1, 0, fresh);
            restarted.commit(laterBatch1);
        }
        List<String> expected = new ArrayList<>(values(1, 1));
        expected.add("fresh run");
        assertThat(visible()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void emptyBatchesNeedNoTransaction() {
        try (Sink sink = openSink()) {
            sink.write(batch(1), 0, List.of());
            sink.commit(batch(1));
            write(sink, 2, 1);
            sink.commit(batch(2));
        }
        assertThat(visible()).containsExactlyInAnyOrderElementsOf(values(2, 1));
    }
}

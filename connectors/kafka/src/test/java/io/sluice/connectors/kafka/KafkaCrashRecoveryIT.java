package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine dies (in-process: a batch fails for good, which stops the pipeline) in the middle of batch 2 of a
 * kafka-to-kafka pipeline with a checkpoint directory, either after the exactly-once sink wrote the batch but
 * before it committed, or after it committed but before the engine marked the batch complete. Started again on
 * the same checkpoint directory, the engine re-runs batch 2 from its recorded offset ranges and carries on: a
 * read_committed reader sees every input record exactly once.
 */
class KafkaCrashRecoveryIT {
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static TestCluster cluster;

    @TempDir
    Path checkpoints;

    enum Crash { AFTER_WRITE_BEFORE_COMMIT, AFTER_COMMIT_BEFORE_COMPLETION }

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.single();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    /** The kafka sink, which "crashes" the engine in batch 2 of the first run as {@code crash} says. */
    private static final class CrashingSink implements Sink {
        private final Sink kafka;
        private final Crash crash;

        CrashingSink(Sink kafka, Crash crash) {
            this.kafka = kafka;
            this.crash = crash;
        }

        @Override
        public void open(ComponentContext context) {
            kafka.open(context);
        }

        @Override
        public void write(BatchInfo batch, int partition, List<Record> records) {
            kafka.write(batch, partition, records);
        }

        @Override
        public void commit(BatchInfo batch) {
            if (batch.id() == 2 && crash == Crash.AFTER_WRITE_BEFORE_COMMIT) {
                throw new SluiceException("simulated crash after writing batch 2");
            }
            kafka.commit(batch);
            if (batch.id() == 2) {
                throw new SluiceException("simulated crash after committing batch 2");
            }
        }

        @Override
        public void close() {
            kafka.close();
        }
    }

    private final class Run {
        final ManualClock clock;
        final List<BatchReport> reports = new CopyOnWriteArrayList<>();
        final StreamingContext context;

        /** @param batchesBefore batches the engine ran before (so the clock starts at the last batch's time) */
        Run(String input, String output, String transactionalId, Crash crash, int batchesBefore) {
            clock = new ManualClock(ManualClock.DEFAULT_START_MILLIS + 1000L * batchesBefore);
            context = StreamingContext.builder().name("crash").batchInterval(Duration.ofSeconds(1)).clock(clock)
                    .parallelism(2).checkpointDirectory(checkpoints).batchRetries(1, Duration.ZERO)
                    .formats(RecordFormats.standard()::get).listener(reports::add).build();
            RecordStream events = context.source("sources.events", new KafkaSourceFactory(), Sources.config(cluster,
                    Map.of("topics", input, "starting-offsets", "earliest", "max-records-per-partition", 100,
                            "metadata-fields", false)));
            Config sinkConfig = Sinks.config(cluster, Map.of("topic", output, "delivery", "exactly-once",
                    "transactional-id-prefix", transactionalId));
            Sink kafka = new KafkaSinkFactory().create(sinkConfig);
            events.to("sinks.out", crash == null ? kafka : new CrashingSink(kafka, crash), sinkConfig);
            context.start();
        }

        /** Cuts the next batch and waits for its report. */
        BatchReport batch() {
            int before = reports.size();
            clock.advance(Duration.ofSeconds(1));
            await().atMost(DEADLINE).until(() -> reports.size() > before);
            return reports.get(reports.size() - 1);
        }

        void stop() throws InterruptedException {
            context.stop(true);
            assertThat(context.awaitTermination(DEADLINE)).isTrue();
        }
    }

    private static List<String> events(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> "{\"n\":" + n + "}").toList();
    }

    @ParameterizedTest
    @EnumSource(Crash.class)
    void aRestartedPipelineReRunsTheCutOffBatchAndWritesEveryRecordOnce(Crash crash) throws Exception {
        String input = cluster.createTopic("crash-in", 3);
        String output = cluster.createTopic("crash-out", 3);
        String transactionalId = "crash-" + UUID.randomUUID();
        for (int p = 0; p < 3; p++) {
            cluster.sendAll(input, p, events(p * 200, p * 200 + 200));
        }
        Run first = new Run(input, output, transactionalId, crash, 0);
        assertThat(first.batch().succeeded()).isTrue();
        assertThat(first.batch().succeeded()).as("batch 2 dies").isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.context.awaitTermination(DEADLINE))
                .as("a batch that failed for good stops the pipeline").hasMessageContaining("simulated crash");

        Run second = new Run(input, output, transactionalId, null, 2);
        try {
            await().atMost(DEADLINE).until(() -> second.reports.stream().anyMatch(r -> r.batchId() == 2));
            assertThat(second.reports).allMatch(BatchReport::succeeded);
            cluster.sendAll(input, 0, events(600, 700));
            for (int b = 0; b < 10 && second.reports.stream().mapToLong(BatchReport::recordsIn).sum() < 400; b++) {
                second.batch();
            }
            assertThat(second.reports).allMatch(BatchReport::succeeded);
        } finally {
            second.stop();
        }
        cluster.awaitTransactionSettled(transactionalId);
        List<Integer> seen = cluster.values(output, "read_committed").stream()
                .map(v -> Integer.parseInt(v.replaceAll("\\D", ""))).toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 700).boxed().toList());
    }
}

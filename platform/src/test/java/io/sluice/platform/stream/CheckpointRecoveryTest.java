package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.wal.Durability;
import io.sluice.platform.stream.ReceiverSourceTest.PushedSource;
import io.sluice.platform.stream.ReplayableSourceTest.NumberSource;
import io.sluice.spi.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context with a checkpoint directory survives being cut off: a second context on the same
 * directory restores the last checkpoint, re-runs the logged batches after it (outputs only for the
 * batches that had not completed) and continues, so every output equals the uninterrupted reference.
 */
class CheckpointRecoveryTest {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** One run of a pipeline on the checkpoint directory, on a clock that continues across runs. */
    final class Run implements AutoCloseable {
        final List<BatchReport> reports = new CopyOnWriteArrayList<>();
        final StreamingContext ctx;
        final ManualClock clock;

        Run(ManualClock clock, Consumer<StreamingContext.Builder> configure) {
            this.clock = clock;
            StreamingContext.Builder b = StreamingContext.builder()
                    .name("recovery")
                    .batchInterval(INTERVAL)
                    .clock(clock)
                    .parallelism(2)
                    .shufflePartitions(3)
                    .batchRetries(1, Duration.ZERO)
                    .checkpointDirectory(dir)
                    .checkpointInterval(3)
                    .listener(reports::add);
            configure.accept(b);
            ctx = b.build();
        }

        Run(ManualClock clock) {
            this(clock, b -> { });
        }

        /** Advances one interval and awaits the batch it cuts. */
        BatchReport nextBatch() {
            int before = reports.size();
            clock.advance(INTERVAL);
            TestPipeline.await().atMost(DEADLINE).until(() -> reports.size() > before);
            return reports.get(before);
        }

        void awaitReports(int count) {
            TestPipeline.await().atMost(DEADLINE).until(() -> reports.size() >= count);
        }

        @Override
        public void close() {
            ctx.stop(false);
        }
    }

    /** Per key n % 7, the sum of the numbers 0 .. count-1. */
    static Map<Long, Long> reference(long count) {
        return LongStream.range(0, count).boxed()
                .collect(Collectors.groupingBy(n -> n % 7, TreeMap::new, Collectors.summingLong(n -> n)));
    }

    static void runningSums(StreamingContext ctx, NumberSource source, Map<Long, Map<Long, Long>> out,
            long failAtBatch) {
        ctx.source("numbers", source)
                .mapToPair(r -> KeyValue.of(r.getLong("n") % 7, r.getLong("n")))
                .updateStateByKey((List<Long> values, Optional<Long> sum) ->
                        Optional.of(sum.orElse(0L) + values.stream().mapToLong(Long::longValue).sum()))
                .named("sums")
                .foreachBatch((batch, pairs) -> {
                    if (batch.id() == failAtBatch) {
                        throw new SluiceException("output of batch " + batch.id() + " failed (test)");
                    }
                    Map<Long, Long> state = new TreeMap<>();
                    pairs.forEach(kv -> state.put(kv.key(), kv.value()));
                    out.put(batch.id(), state);
                });
    }

    @Test
    void aRestartResumesKeyedStateAndReRunsTheBatchThatHadNotCompleted() throws Exception {
        ManualClock clock = new ManualClock();
        Map<Long, Map<Long, Long>> first = new ConcurrentHashMap<>();
        try (Run run = new Run(clock)) {
            runningSums(run.ctx, new NumberSource(10, 2, 1_000), first, 8);
            run.ctx.start();
            for (int i = 0; i < 8; i++) {
                run.nextBatch();
            }
            TestPipeline.await().atMost(DEADLINE).until(() -> run.ctx.state() == StreamingContext.State.STOPPED);
        }
        assertThat(first.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);   // batch 8 failed: logged, never completed

        Map<Long, Map<Long, Long>> second = new ConcurrentHashMap<>();
        NumberSource source = new NumberSource(10, 2, 1_000);
        try (Run run = new Run(clock)) {
            runningSums(run.ctx, source, second, -1);
            run.ctx.start();
            run.awaitReports(2);            // checkpoint after 6; 7 rebuilds state, 8 is re-run with its outputs
            assertThat(second.keySet()).containsExactly(8L);
            for (int i = 0; i < 4; i++) {
                run.nextBatch();
            }
            assertThat(run.reports).extracting(BatchReport::batchId).containsExactly(7L, 8L, 9L, 10L, 11L, 12L);
        }
        for (long batch = 1; batch <= 12; batch++) {
            Map<Long, Map<Long, Long>> outputs = batch <= 7 ? first : second;
            assertThat(outputs.get(batch)).as("state after batch %d", batch).isEqualTo(reference(batch * 10));
        }
        assertThat(source.plannedBatches).as("batches 7 and 8 come from the batch log, not the planner")
                .containsExactly(9L, 10L, 11L, 12L);
    }

    @Test
    void aGracefulStopCheckpointsSoTheNextRunReplaysNothing() throws Exception {
        ManualClock clock = new ManualClock();
        Map<Long, Map<Long, Long>> out = new ConcurrentHashMap<>();
        try (Run run = new Run(clock)) {
            runningSums(run.ctx, new NumberSource(10, 2, 1_000), out, -1);
            run.ctx.start();
            for (int i = 0; i < 4; i++) {
                run.nextBatch();
            }
            run.ctx.stop(true);
        }
        try (Run run = new Run(clock)) {
            runningSums(run.ctx, new NumberSource(10, 2, 1_000), out, -1);
            run.ctx.start();
            assertThat(run.nextBatch().batchId()).isEqualTo(5L);
            assertThat(run.reports).hasSize(1);
        }
        assertThat(out.get(5L)).isEqualTo(reference(50));
    }

    @Test
    void receivedRecordsAreWrittenAheadAndNoneIsLostOrCountedTwice() throws Exception {
        ManualClock clock = new ManualClock();
        Map<Long, Map<String, Long>> counts = new ConcurrentHashMap<>();
        BiConsumer<Run, PushedSource> build = (run, source) -> run.ctx.source("pushed", source)
                .keyBy(r -> r.getString("v"))
                .mapValues(r -> 1L)
                .updateStateByKey((List<Long> values, Optional<Long> count) ->
                        Optional.of(count.orElse(0L) + values.size()))
                .named("counts")
                .foreachBatch((batch, pairs) -> counts.put(batch.id(),
                        pairs.stream().collect(Collectors.toMap(KeyValue::key, KeyValue::value, (a, b) -> a,
                                TreeMap::new))));
        PushedSource source1 = new PushedSource();
        try (Run run = new Run(clock)) {
            build.accept(run, source1);
            run.ctx.start();
            source1.store("a", "b");
            run.nextBatch();                 // batch 1: a, b
            source1.store("a");
            run.nextBatch();                 // batch 2: a
            source1.store("c", "a");         // acknowledged (durable), but no batch took them before the "crash"
        }
        PushedSource source2 = new PushedSource();
        try (Run run = new Run(clock)) {
            build.accept(run, source2);
            run.ctx.start();
            run.awaitReports(2);             // batches 1 and 2 rebuild the counts from the log
            run.nextBatch();                 // batch 3: what was written ahead
            source2.store("b");
            run.nextBatch();                 // batch 4
        }
        assertThat(counts.get(3L)).isEqualTo(Map.of("a", 3L, "b", 1L, "c", 1L));
        assertThat(counts.get(4L)).isEqualTo(Map.of("a", 3L, "b", 2L, "c", 1L));
    }

    @Test
    void windowsAreCheckpointedWithTheirRetainedBatches() throws Exception {
        ManualClock clock = new ManualClock();
        Map<Long, Long> sums = new ConcurrentHashMap<>();
        Consumer<Run> build = run -> run.ctx.source("numbers", new NumberSource(10, 2, 1_000))
                .map(r -> r.getLong("n"))
                .window(Duration.ofSeconds(4), Duration.ofSeconds(2))
                .named("last-4s")
                .reduce(Long::sum)
                .foreachBatch((batch, total) -> sums.put(batch.id(), total.isEmpty() ? 0 : total.get(0)));
        try (Run run = new Run(clock)) {
            build.accept(run);
            run.ctx.start();
            for (int i = 0; i < 7; i++) {
                run.nextBatch();
            }
            run.ctx.stop(true);
        }
        try (Run run = new Run(clock)) {
            build.accept(run);
            run.ctx.start();
            for (int i = 0; i < 5; i++) {
                run.nextBatch();
            }
        }
        for (long end = 2; end <= 12; end += 2) {
            long from = Math.max(0, (end - 4) * 10);
            long expected = LongStream.range(from, end * 10).sum();
            assertThat(sums.get(end)).as("window ending at batch %d", end).isEqualTo(expected);
        }
    }

    @Test
    void removingAStatefulStreamIsRefusedWithItsNameButOtherEditsAreAccepted() throws Exception {
        ManualClock clock = new ManualClock();
        Map<Long, Map<Long, Long>> out = new ConcurrentHashMap<>();
        try (Run run = new Run(clock)) {
            runningSums(run.ctx, new NumberSource(10, 2, 1_000), out, -1);
            run.ctx.start();
            run.nextBatch();
            run.ctx.stop(true);
        }
        try (Run run = new Run(clock)) {
            run.ctx.source("numbers", new NumberSource(10, 2, 1_000)).print();
            assertThatThrownBy(run.ctx::start).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("'sums'").hasMessageContaining("no longer has");
        }
        try (Run run = new Run(clock)) {   // a changed filter before the state: compatible
            run.ctx.source("numbers", new NumberSource(10, 2, 1_000))
                    .filter(r -> r.getLong("n") >= 0)
                    .mapToPair(r -> KeyValue.of(r.getLong("n") % 7, r.getLong("n")))
                    .updateStateByKey((List<Long> values, Optional<Long> sum) ->
                            Optional.of(sum.orElse(0L) + values.stream().mapToLong(Long::longValue).sum()))
                    .named("sums")
                    .foreachBatch((batch, pairs) -> out.put(batch.id(), new TreeMap<>(pairs.stream()
                            .collect(Collectors.toMap(KeyValue::key, KeyValue::value)))));
            run.ctx.start();
            run.nextBatch();
        }
        assertThat(out.get(2L)).isEqualTo(reference(20));
    }

    @Test
    void stateKeyedByOneThingIsNotGivenToTheStreamKeyedByAnother() throws Exception {
        ManualClock clock = new ManualClock();
        try (Run run = new Run(clock)) {
            keyedSums(run.ctx, "n mod 7", 7);
            run.ctx.start();
            run.nextBatch();
            run.ctx.stop(true);
        }
        try (Run run = new Run(clock)) {
            keyedSums(run.ctx, "n mod 5", 5);
            assertThatThrownBy(run.ctx::start).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("'sums'").hasMessageContaining("keyed by n mod 7")
                    .hasMessageContaining("now update-state keyed by n mod 5");
        }
    }

    private static void keyedSums(StreamingContext ctx, String key, long modulus) {
        ctx.source("numbers", new NumberSource(10, 2, 1_000))
                .mapToPair(r -> KeyValue.of(r.getLong("n") % modulus, r.getLong("n")))
                .updateStateByKey((List<Long> values, Optional<Long> sum) ->
                        Optional.of(sum.orElse(0L) + values.stream().mapToLong(Long::longValue).sum()))
                .named("sums")
                .stateKeyedBy(key)
                .print();
    }

    @Test
    void aCorruptWriteAheadLogEntryStopsTheRestartUnlessTheOperatorSkipsIt() throws Exception {
        ManualClock clock = new ManualClock();
        PushedSource source = new PushedSource();
        String padding = "x".repeat(300);
        try (Run run = new Run(clock)) {
            run.ctx.source("pushed", source).print();
            run.ctx.start();
            source.store("first" + padding);
            source.store("second" + padding);
            source.store("third" + padding);
        }
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("wal/pushed"))) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x5a;   // inside the second of three equal entries
        Files.write(segment, bytes);

        try (Run run = new Run(clock)) {
            run.ctx.source("pushed", new PushedSource()).print();
            assertThatThrownBy(run.ctx::start).isInstanceOf(SluiceException.class)
                    .hasMessageContaining(segment.getFileName().toString()).hasMessageContaining("offset");
        }
        List<String> values = new CopyOnWriteArrayList<>();
        try (Run run = new Run(clock, b -> b.writeAheadLog(Durability.FSYNC, true))) {
            run.ctx.source("pushed", new PushedSource())
                    .foreachBatch((batch, records) -> records.forEach(r -> values.add(r.getString("v"))));
            run.ctx.start();
            run.nextBatch();
        }
        assertThat(values).containsExactly("first" + padding, "third" + padding);
    }

    @Test
    void queueStreamsCannotBeCheckpointed() {
        try (Run run = new Run(new ManualClock())) {
            run.ctx.queueStream("queue", new ConcurrentLinkedQueue<List<String>>()).print();
            assertThatThrownBy(run.ctx::start).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("queue stream 'queue' cannot be replayed");
        }
    }
}

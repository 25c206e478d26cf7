package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BadRecordException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DStreamTransformationsTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void narrowChainsMatchAPlainComputationBatchByBatch() {
        List<List<Integer>> batches = List.of(range(0, 20), List.of(), range(20, 57), List.of(-5, 3));
        List<List<String>> expected = new ArrayList<>();
        for (List<Integer> batch : batches) {
            List<String> e = new ArrayList<>();
            for (int n : batch) {
                int tripled = n * 3;
                if (tripled % 2 == 0) {
                    e.add("v" + tripled);
                    e.add("v" + (tripled + 1));
                }
            }
            expected.add(e);
        }
        expected.add(List.of());   // the queue is empty by then: an empty batch is still a batch

        try (TestPipeline p = new TestPipeline(2, 3)) {
            List<List<String>> out = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(batches))
                    .map(n -> n * 3)
                    .filter(n -> n % 2 == 0)
                    .flatMap(n -> List.of(n, n + 1))
                    .map(n -> "v" + n)
                    .foreachBatch((batch, elements) -> out.add(List.copyOf(elements)));
            p.ctx.start();
            List<BatchReport> reports = p.runBatches(expected.size());

            assertThat(out).isEqualTo(expected);
            assertThat(reports).extracting(BatchReport::recordsIn).containsExactly(20L, 0L, 37L, 2L, 0L);
            assertThat(reports).extracting(BatchReport::recordsOut)
                    .containsExactlyElementsOf(expected.stream().map(l -> (long) l.size()).toList());
        }
    }

    @Test
    void narrowStepsAreFusedIntoOnePassPerPartition() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            List<String> trace = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(List.of(1, 2, 3))))
                    .map(n -> {
                        trace.add("first " + n);
                        return n;
                    })
                    .filter(n -> {
                        trace.add("second " + n);
                        return true;
                    })
                    .foreachBatch((batch, elements) -> { });
            p.ctx.start();
            p.nextBatch();

            // each element goes through both steps before the next one starts: no list in between
            assertThat(trace).containsExactly("first 1", "second 1", "first 2", "second 2", "first 3", "second 3");
        }
    }

    @Test
    void mapPartitionsSeesEachPartitionWhole() {
        try (TestPipeline p = new TestPipeline(2, 3)) {
            List<List<List<Integer>>> out = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(range(0, 10))))
                    .mapPartitions(partition -> List.of(List.copyOf(partition)))
                    .foreachBatch((batch, elements) -> out.add(List.copyOf(elements)));
            p.ctx.start();
            p.nextBatch();

            assertThat(out).containsExactly(List.of(range(0, 3), range(3, 6), range(6, 10)));
        }
    }

    @Test
    void repartitionDealsElementsRoundRobinInBatchOrder() {
        try (TestPipeline p = new TestPipeline(2, 3)) {
            List<List<List<Integer>>> out = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(range(0, 10))))
                    .repartition(4)
                    .mapPartitions(partition -> List.of(List.copyOf(partition)))
                    .foreachBatch((batch, elements) -> out.add(List.copyOf(elements)));
            p.ctx.start();
            p.nextBatch();

            assertThat(out).containsExactly(List.of(List.of(0, 4, 8), List.of(1, 5, 9), List.of(2, 6), List.of(3, 7)));
        }
    }

    @Test
    void aStreamReadTwiceIsComputedOncePerBatch() {
        try (TestPipeline p = new TestPipeline(2, 2)) {
            AtomicInteger calls = new AtomicInteger();
            List<List<Integer>> unions = new CopyOnWriteArrayList<>();
            List<List<Integer>> plain = new CopyOnWriteArrayList<>();
            DStream<Integer> shared = p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(
                    List.of(range(1, 6), range(6, 8)))).map(n -> {
                        calls.incrementAndGet();
                        return n * 10;
                    });
            shared.union(shared.map(n -> -n)).foreachBatch((batch, elements) -> unions.add(List.copyOf(elements)));
            shared.foreachBatch((batch, elements) -> plain.add(List.copyOf(elements)));
            p.ctx.start();
            p.runBatches(2);

            assertThat(calls).hasValue(7);
            assertThat(plain).containsExactly(List.of(10, 20, 30, 40, 50), List.of(60, 70));
            assertThat(unions).containsExactly(List.of(10, 20, 30, 40, 50, -10, -20, -30, -40, -50),
                    List.of(60, 70, -60, -70));
            assertThat(p.reports).extracting(BatchReport::recordsOut).containsExactly(15L, 6L);
        }
    }

    @Test
    void anElementRejectedWithBadRecordExceptionGoesToTheErrorReporterAndTheBatchGoesOn() {
        try (TestPipeline p = new TestPipeline(2, 2)) {
            List<List<Integer>> out = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(range(10, 16))))
                    .map(n -> {
                        if (n == 13) {
                            throw new BadRecordException("13 is unlucky");
                        }
                        return n;
                    })
                    .named("lucky")
                    .foreachBatch((batch, elements) -> out.add(List.copyOf(elements)));
            p.ctx.start();
            BatchReport report = p.nextBatch();

            assertThat(report.succeeded()).isTrue();
            assertThat(out).containsExactly(List.of(10, 11, 12, 14, 15));
            assertThat(p.badRecords).singleElement().satisfies(bad -> {
                assertThat(bad.component()).isEqualTo("lucky");
                assertThat(new String(bad.raw(), StandardCharsets.UTF_8)).isEqualTo("13");
                assertThat(bad.cause()).hasMessage("13 is unlucky");
            });
            assertThat(p.ctx.metrics()).containsEntry("lucky.bad_records", 1.0).containsEntry("engine.bad_records", 1.0);
        }
    }

    @Test
    void keyByAndMapValuesPairElementsWithKeys() {
        try (TestPipeline p = new TestPipeline(2, 2)) {
            List<List<KeyValue<Integer, String>>> out = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("words", new ConcurrentLinkedQueue<>(List.of(List.of("a", "bb", "ccc"))))
                    .keyBy(String::length)
                    .mapValues(String::toUpperCase)
                    .foreachBatch((batch, elements) -> out.add(List.copyOf(elements)));
            p.ctx.start();
            p.nextBatch();

            assertThat(out).containsExactly(List.of(KeyValue.of(1, "A"), KeyValue.of(2, "BB"), KeyValue.of(3, "CCC")));
        }
    }

    @Test
    void printWritesSparksFormat() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TestPipeline p = new TestPipeline(1, 1)) {
            Queue<List<String>> queue = new ConcurrentLinkedQueue<>(List.of(List.of("a", "b", "c"), List.of("d")));
            p.ctx.queueStream("letters", queue).print(2, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            p.ctx.start();
            p.runBatches(2);
        }
        long t1 = ManualClock.DEFAULT_START_MILLIS + 1000;
        String rule = "-------------------------------------------\n";
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                rule + "Time: " + t1 + " ms\n" + rule + "a\nb\n...\n\n"
                        + rule + "Time: " + (t1 + 1000) + " ms\n" + rule + "d\n\n");
    }
}

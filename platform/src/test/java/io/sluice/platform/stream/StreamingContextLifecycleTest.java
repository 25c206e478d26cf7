package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.RetriableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamingContextLifecycleTest {

    @Test
    void batchesAreCutOnTheClockAndQueueWhenProcessingFallsBehind() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<List<Integer>>()).foreachBatch((b, e) -> { });
            p.ctx.start();
            p.clock.advance(Duration.ofMillis(3_500));   // three batch times pass at once: none is dropped
            await().atMost(TestPipeline.DEADLINE).until(() -> p.reports.size() == 3);

            long start = ManualClock.DEFAULT_START_MILLIS;
            assertThat(p.reports).extracting(BatchReport::batchId).containsExactly(1L, 2L, 3L);
            assertThat(p.reports).extracting(BatchReport::batchTime).containsExactly(
                    Instant.ofEpochMilli(start + 1000), Instant.ofEpochMilli(start + 2000), Instant.ofEpochMilli(start + 3000));
            assertThat(p.reports).extracting(BatchReport::schedulingDelayMillis).containsExactly(2500L, 1500L, 500L);
            assertThat(p.ctx.metrics()).containsEntry("engine.batches_completed", 3.0);
        }
    }

    @Test
    void aContextWhoseSourcesAreAllExhaustedStopsByItself() throws Exception {
        try (TestPipeline p = new TestPipeline(2, 2)) {
            List<Integer> sums = new CopyOnWriteArrayList<>();
            Queue<List<Integer>> queue = new ConcurrentLinkedQueue<>(List.of(List.of(1, 2), List.of(3), List.of(4, 5)));
            p.ctx.queueStream("numbers", queue, true)
                    .foreachBatch((b, e) -> sums.add(e.stream().mapToInt(Integer::intValue).sum()));
            p.ctx.start();
            p.runUntilStopped(10);

            assertThat(p.ctx.awaitTermination(Duration.ZERO)).isTrue();
            assertThat(sums).containsExactly(3, 3, 9);
            assertThat(p.reports).hasSize(3);
        }
    }

    @Test
    void aBatchThatFailsIsReportedAndStopsTheContextWithTheError() {
        try (TestPipeline p = new TestPipeline(2, 2)) {
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(List.of(1), List.of(2), List.of(3))))
                    .map(n -> 10 / (n - 2))
                    .foreachBatch((b, e) -> { });
            p.ctx.start();
            p.runUntilStopped(5);

            assertThat(p.reports).hasSize(2);
            assertThat(p.reports.get(0).succeeded()).isTrue();
            BatchReport failed = p.reports.get(1);
            assertThat(failed.batchId()).isEqualTo(2);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.failure()).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(p.ctx::awaitTermination)
                    .isInstanceOfSatisfying(BatchFailedException.class, e -> assertThat(e.batchId()).isEqualTo(2))
                    .hasCauseInstanceOf(ArithmeticException.class);
            assertThat(p.ctx.state()).isEqualTo(StreamingContext.State.STOPPED);
            assertThat(p.ctx.metrics()).containsEntry("engine.batches_failed", 1.0);
        }
    }

    @Test
    void aRetriableFailureIsRetriedOnTheSameInputWithoutTouchingStateTwice() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<List<KeyValue<String, Integer>>> totals = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(2).shufflePartitions(2)
                .batchRetries(3, Duration.ZERO))) {
            Queue<List<Integer>> queue = new ConcurrentLinkedQueue<>(List.of(List.of(1, 2), List.of(3, 4)));
            p.ctx.queueStream("numbers", queue, true)
                    .mapToPair(n -> KeyValue.of("sum", n))
                    .updateStateByKey((List<Integer> values, Optional<Integer> sum) ->
                            Optional.of(sum.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()))
                    .foreachBatch((batch, states) -> {
                        if (batch.id() == 2 && failuresLeft.getAndDecrement() > 0) {
                            throw new RetriableException("sink briefly unreachable");
                        }
                        totals.add(List.copyOf(states));
                    });
            p.ctx.start();
            p.runUntilStopped(5);
            p.ctx.awaitTermination();

            assertThat(p.reports).extracting(BatchReport::attempts).containsExactly(1, 2);
            assertThat(p.reports).allMatch(BatchReport::succeeded);
            assertThat(totals).containsExactly(List.of(KeyValue.of("sum", 3)), List.of(KeyValue.of("sum", 10)));
        }
    }

    @Test
    void aBatchStillFailingAfterTheLastRetryStopsTheContext() {
        List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(1).batchRetries(3, Duration.ofSeconds(1)))) {
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(List.of(1))))
                    .foreachBatch((batch, e) -> {
                        attemptTimes.add(p.clock.millis());
                        throw new RetriableException("still down");
                    });
            p.ctx.start();
            // backoff waits on the engine clock: keep time moving until the context gives up
            await().atMost(TestPipeline.DEADLINE).until(() -> {
                p.clock.advance(Duration.ofMillis(250));
                return p.ctx.state() == StreamingContext.State.STOPPED;
            });

            assertThat(p.reports).singleElement().satisfies(r -> {
                assertThat(r.attempts()).isEqualTo(3);
                assertThat(r.failure()).isInstanceOf(RetriableException.class);
            });
            assertThat(attemptTimes).hasSize(3);
            assertThat(attemptTimes.get(1) - attemptTimes.get(0)).isGreaterThanOrEqualTo(1000);
            assertThat(attemptTimes.get(2) - attemptTimes.get(1)).isGreaterThanOrEqualTo(2000);
            assertThatThrownBy(p.ctx::awaitTermination).isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("batch 1 failed after 3 attempts");
        }
    }

    @Test
    void aGracefulStopFinishesTheQueuedBatches() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            List<List<Integer>> out = new CopyOnWriteArrayList<>();
            p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(List.of(1), List.of(2), List.of(3))))
                    .foreachBatch((b, e) -> out.add(List.copyOf(e)));
            p.ctx.start();
            p.clock.advance(Duration.ofSeconds(3));
            p.ctx.stop(true);

            assertThat(out).containsExactly(List.of(1), List.of(2), List.of(3));
            assertThat(p.ctx.state()).isEqualTo(StreamingContext.State.STOPPED);
        }
    }

    @Test
    void stopCalledFromInsideABatchDoesNotWaitForItself() throws Exception {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            StreamingContext ctx = p.ctx;
            ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(List.of(1))))
                    .foreachBatch((b, e) -> ctx.stop(true));
            ctx.start();
            p.clock.advance(TestPipeline.INTERVAL);
            assertThat(ctx.awaitTermination(TestPipeline.DEADLINE)).isTrue();
            assertThat(p.reports).singleElement().satisfies(r -> assertThat(r.succeeded()).isTrue());
        }
    }

    @Test
    void twoContextsRunSideBySideInOneJvm() {
        try (TestPipeline left = new TestPipeline(2, 2); TestPipeline right = new TestPipeline(2, 3)) {
            List<Integer> leftOut = new CopyOnWriteArrayList<>();
            List<String> rightOut = new CopyOnWriteArrayList<>();
            left.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(List.of(List.of(1, 2), List.of(3))))
                    .map(n -> n * 100)
                    .foreachBatch((b, e) -> leftOut.addAll(e));
            right.ctx.queueStream("words", new ConcurrentLinkedQueue<>(List.of(List.of("x"), List.of("y", "z"))))
                    .map(String::toUpperCase)
                    .foreachBatch((b, e) -> rightOut.addAll(e));
            left.ctx.start();
            right.ctx.start();
            assertThat(left.ctx.state()).isEqualTo(StreamingContext.State.ACTIVE);
            assertThat(right.ctx.state()).isEqualTo(StreamingContext.State.ACTIVE);

            left.nextBatch();
            right.nextBatch();
            right.nextBatch();
            left.nextBatch();

            assertThat(leftOut).containsExactly(100, 200, 300);
            assertThat(rightOut).containsExactly("X", "Y", "Z");
            left.ctx.stop(true);
            assertThat(right.ctx.state()).isEqualTo(StreamingContext.State.ACTIVE);
        }
    }

    @Test
    void theGraphIsFixedOnceStartedAndAContextStartsOnce() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            DStream<Integer> numbers = p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<List<Integer>>());
            assertThatThrownBy(p.ctx::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("no output");

            try (TestPipeline q = new TestPipeline(1, 1)) {
                DStream<Integer> others = q.ctx.queueStream("numbers", new ConcurrentLinkedQueue<List<Integer>>());
                others.foreachBatch((b, e) -> { });
                q.ctx.start();
                assertThatThrownBy(() -> others.map(n -> n)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("has started");
                assertThatThrownBy(q.ctx::start).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> numbers.union(others)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("different streaming contexts");
            }
        }
    }

    @Test
    void aComponentFailingToOpenFailsStartAndClosesWhatWasOpened() {
        List<String> calls = new ArrayList<>();
        io.sluice.spi.sink.Sink good = new io.sluice.spi.sink.Sink() {
            @Override
            public void open(io.sluice.spi.ComponentContext context) {
                calls.add("open good");
            }

            @Override
            public void write(io.sluice.spi.BatchInfo batch, int partition, List<io.sluice.spi.Record> records) {
            }

            @Override
            public void close() {
                calls.add("close good");
            }
        };
        io.sluice.spi.sink.Sink broken = new io.sluice.spi.sink.Sink() {
            @Override
            public void open(io.sluice.spi.ComponentContext context) {
                throw new io.sluice.spi.ConnectorException("no such bucket");
            }

            @Override
            public void write(io.sluice.spi.BatchInfo batch, int partition, List<io.sluice.spi.Record> records) {
            }

            @Override
            public void close() {
                calls.add("close broken");
            }
        };
        try (TestPipeline p = new TestPipeline(1, 1)) {
            io.sluice.spi.config.Config none = io.sluice.spi.config.Config.builder(
                    io.sluice.spi.config.ConfigSpec.empty()).build();
            RecordStream records = RecordStream.of(p.ctx.queueStream("in",
                    new ConcurrentLinkedQueue<List<io.sluice.spi.Record>>()));
            records.to("good", good, none);
            records.to("broken", broken, none);

            assertThatThrownBy(p.ctx::start).hasMessage("no such bucket");
            assertThat(p.ctx.state()).isEqualTo(StreamingContext.State.STOPPED);
            assertThat(calls).containsExactly("open good", "close good");
        }
    }
}

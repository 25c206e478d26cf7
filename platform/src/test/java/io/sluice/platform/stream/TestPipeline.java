package io.sluice.platform.stream;


import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;

/**
 * A streaming context on a {@link ManualClock} for tests: it records batch reports and bad records,
 * and drives batches one interval at a time, awaiting each with a deadline (never sleeping).
 */
final class TestPipeline implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration DEADLINE = Duration.ofSeconds(30);

    final ManualClock clock = new ManualClock();
    final List<BatchReport> reports = new CopyOnWriteArrayList<>();
    final List<BadRecord> badRecords = new CopyOnWriteArrayList<>();
    final StreamingContext ctx;

    TestPipeline(int parallelism, int shufflePartitions) {
        this(b -> b.parallelism(parallelism).shufflePartitions(shufflePartitions));
    }

    TestPipeline(Consumer<StreamingContext.Builder> configure) {
        StreamingContext.Builder b = StreamingContext.builder()
                .name("test-" + Integer.toHexString(System.identityHashCode(this)))
                .batchInterval(INTERVAL)
                .clock(clock)
                .listener(reports::add)
                .errorReporter(badRecords::add);
        configure.accept(b);
        ctx = b.build();
    }

    /** Awaits with the deadline, polling often: a batch on a manual clock takes about a millisecond. */
    static ConditionFactory await() {
        return org.awaitility.Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    /** Advances the clock by one interval and returns the report of the batch that cut. */
    BatchReport nextBatch() {
        int before = reports.size();
        clock.advance(INTERVAL);
        await().atMost(DEADLINE).until(() -> reports.size() > before);
        return reports.get(before);
    }

    /** Runs {@code n} batches; returns their reports. */
    List<BatchReport> runBatches(int n) {
        for (int i = 0; i < n; i++) {
            nextBatch();
        }
        return List.copyOf(reports.subList(reports.size() - n, reports.size()));
    }

    /** Advances batch by batch until the context stops by itself (at most {@code maxBatches}). */
    void runUntilStopped(int maxBatches) {
        for (int i = 0; i < maxBatches && ctx.state() != StreamingContext.State.STOPPED; i++) {
            int before = reports.size();
            clock.advance(INTERVAL);
            await().atMost(DEADLINE).until(() -> reports.size() > before
                    || ctx.state() == StreamingContext.State.STOPPED);
        }
        await().atMost(DEADLINE).until(() -> ctx.state() == StreamingContext.State.STOPPED);
    }

    @Override
    public void close() {
        ctx.stop(false);
    }
}

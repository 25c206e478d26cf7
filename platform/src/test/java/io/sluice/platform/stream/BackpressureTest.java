package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import io.sluice.spi.source.ReceiverSource;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Input offered faster than the pipeline can go: with backpressure the scheduling delay stays
 * bounded (and a receiver's accepted-but-unprocessed records with it); without, it grows batch after
 * batch. The pipeline's cost is simulated on a manual clock: its output advances the clock by one
 * millisecond per record (a capacity of 1,000 records per one-second batch), and after each batch
 * the clock moves on to the next batch time if nothing is queued, so the run is deterministic.
 */
class BackpressureTest {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final int BATCHES = 60;

    /** Offers {@code perBatch} records a batch, or what rate control allows. */
    static final class Offered implements ReplayableSource<long[]> {
        final long perBatch;
        final List<Long> planned = new CopyOnWriteArrayList<>();

        Offered(long perBatch) {
            this.perBatch = perBatch;
        }

        @Override
        public SplitCodec<long[]> splitCodec() {
            return new SplitCodec<>() {
                @Override
                public int version() {
                    return 1;
                }

                @Override
                public byte[] encode(long[] split) {
                    return ByteBuffer.allocate(16).putLong(split[0]).putLong(split[1]).array();
                }

                @Override
                public long[] decode(int version, byte[] bytes) {
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    return new long[] {b.getLong(), b.getLong()};
                }
            };
        }

        @Override
        public SplitPlanner<long[]> createPlanner(ComponentContext context) {
            return new SplitPlanner<>() {
                private long next;

                @Override
                public List<long[]> plan(BatchInfo batch, long maxRecords) {
                    long count = Math.min(perBatch, maxRecords);
                    planned.add(count);
                    long[] split = {next, next + count};
                    next += count;
                    return List.of(split);
                }

                @Override
                public byte[] position() {
                    return ByteBuffer.allocate(8).putLong(next).array();
                }

                @Override
                public void restore(byte[] position) {
                    next = ByteBuffer.wrap(position).getLong();
                }
            };
        }

        @Override
        public SplitReader<long[]> createReader(ComponentContext context) {
            return (long[] split, Emitter out) -> {
                for (long n = split[0]; n < split[1]; n++) {
                    out.emit(Record.builder().field("n", n).build());
                }
            };
        }
    }

    /** Stores records as fast as it can, one hundred per call, until stopped. */
    static final class Flood implements ReceiverSource {
        @Override
        public Receiver createReceiver(ComponentContext context) {
            return new Receiver() {
                private Thread thread;

                @Override
                public void start(ReceiverContext ctx) {
                    thread = new Thread(() -> {
                        List<Record> block = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            block.add(Record.builder().field("n", (long) i).build());
                        }
                        try {
                            while (!ctx.stopping()) {
                                ctx.store(block);
                            }
                        } catch (RetriableException | InterruptedException e) {
                            // stopping
                        }
                    }, "flood");
                    thread.start();
                }

                @Override
                public void stop() {
                    thread.interrupt();
                }
            };
        }
    }

    /** Runs {@link #BATCHES} batches of a pipeline costing 1 ms per record; returns their reports. */
    static List<BatchReport> run(Consumer<StreamingContext.Builder> settings,
            java.util.function.Function<StreamingContext, DStream<Record>> source) {
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        StreamingContext.Builder b = StreamingContext.builder().name("backpressure").batchInterval(INTERVAL)
                .clock(clock).parallelism(2).shufflePartitions(2)
                .listener(report -> {
                    reports.add(report);
                    long nextBatch = report.batchTime().toEpochMilli() + INTERVAL.toMillis();
                    if (reports.size() < BATCHES && clock.millis() < nextBatch) {
                        clock.advance(Duration.ofMillis(nextBatch - clock.millis()));   // idle until the next batch
                    }
                });
        settings.accept(b);
        try (StreamingContext ctx = b.build()) {
            source.apply(ctx).foreachBatch((batch, records) -> clock.advance(Duration.ofMillis(records.size())));
            ctx.start();
            clock.advance(INTERVAL);
            TestPipeline.await().atMost(Duration.ofMinutes(1)).until(() -> reports.size() >= BATCHES);
            ctx.stop(false);
        }
        return List.copyOf(reports.subList(0, BATCHES));
    }

    static long maxDelayOfLastTen(List<BatchReport> reports) {
        return reports.subList(reports.size() - 10, reports.size()).stream()
                .mapToLong(BatchReport::schedulingDelayMillis).max().orElseThrow();
    }

    @Test
    void aReplayableSourceOfferingThreeTimesTheCapacityKeepsABoundedDelay() {
        Offered offered = new Offered(3_000);
        List<BatchReport> limited = run(b -> b.backpressure(true), ctx -> ctx.source("offered", offered));
        assertThat(maxDelayOfLastTen(limited)).as("scheduling delay with backpressure, ms").isLessThan(3_000);
        long lastTen = limited.subList(BATCHES - 10, BATCHES).stream().mapToLong(BatchReport::recordsIn).sum();
        assertThat(lastTen).as("records in the last ten batches: near the capacity").isBetween(5_000L, 12_000L);

        List<BatchReport> unlimited = run(b -> { }, ctx -> ctx.source("offered", new Offered(3_000)));
        assertThat(maxDelayOfLastTen(unlimited)).as("scheduling delay without backpressure, ms")
                .isGreaterThan(60_000);
    }

    @Test
    void aReceiverFloodingThePipelineIsSlowedToWhatItProcesses() {
        List<BatchReport> limited = run(b -> b.backpressure(true, 500, 100).receiverMaxPendingRecords(100_000),
                ctx -> ctx.source("flood", new Flood()));
        assertThat(maxDelayOfLastTen(limited)).as("scheduling delay with backpressure, ms").isLessThan(3_000);
        assertThat(limited.subList(BATCHES - 10, BATCHES)).allSatisfy(report ->
                assertThat(report.recordsIn()).as("records in batch %d", report.batchId()).isLessThan(3_000));
    }

    @Test
    void aMaximumRateCapsEverySource() {
        Offered offered = new Offered(3_000);
        run(b -> b.maxRatePerSource(800), ctx -> ctx.source("offered", offered));
        assertThat(offered.planned).allSatisfy(n -> assertThat(n).isEqualTo(800));
    }
}

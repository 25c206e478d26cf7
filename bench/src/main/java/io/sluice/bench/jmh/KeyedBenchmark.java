package io.sluice.bench.jmh;

import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.PairDStream;
import io.sluice.platform.stream.StreamingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One engine batch of {@code pairs} (bus, delta) pairs over {@code keys} keys on 2 worker threads:
 * the hash shuffle with reduceByKey alone, and followed by updateStateByKey (keyed state carried
 * across batches). Each operation is one whole batch, cut on a manual clock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyedBenchmark {
    @Param({"100000"})
    public int pairs;

    @Param({"2000", "100000"})
    public int keys;

    @Param({"reduce", "reduce-then-state"})
    public String pipeline;

    private final ManualClock clock = new ManualClock();
    private final ConcurrentLinkedQueue<List<KeyValue<String, Long>>> input = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<BatchReport> reports = new LinkedBlockingQueue<>();
    private List<KeyValue<String, Long>> batch;
    private StreamingContext context;

    @Setup(Level.Trial)
    public void start() {
        batch = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            batch.add(KeyValue.of(String.format("bus-%06d", i % keys), (long) (i % 11 - 5)));
        }
        context = StreamingContext.builder().name("keyed-bench").batchInterval(Duration.ofSeconds(1))
                .clock(clock).parallelism(2).listener(reports::add).build();
        PairDStream<String, Long> reduced = PairDStream.of(context.queueStream("pairs", input)).reduceByKey(Long::sum);
        if (pipeline.equals("reduce")) {
            reduced.foreachBatch((info, out) -> { });
        } else {
            reduced.updateStateByKey((List<Long> deltas, Optional<Long> total) -> {
                long sum = total.orElse(0L);
                for (long d : deltas) {
                    sum += d;
                }
                return Optional.of(sum);
            }).foreachBatch((info, out) -> { });
        }
        context.start();
    }

    @Benchmark
    public BatchReport oneBatch() throws InterruptedException {
        input.add(batch);
        clock.advance(Duration.ofSeconds(1));
        BatchReport report = reports.poll(1, TimeUnit.MINUTES);
        if (report == null || !report.succeeded()) {
            throw new IllegalStateException("batch failed or timed out: " + report);
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        context.stop(false);
        context.awaitTermination(Duration.ofSeconds(30));
    }
}

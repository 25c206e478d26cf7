package io.sluice.bench;

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

/**
 * The heap that keyed state takes (issue 3's target: 1M keys of long state in at most 150 MB):
 * {@code java -cp bench/target/sluice-bench.jar io.sluice.bench.StateFootprint [KEYS]} runs one
 * batch of {@code KEYS} distinct keys ({@code "bus-0000001"}-style strings) through
 * updateStateByKey with a {@code Long} sum on 2 threads, drops the input, and prints the heap used
 * after a full collection minus the heap used before the context was built.
 */
public final class StateFootprint {
    private StateFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int keys = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        long before = usedAfterGc();
        ManualClock clock = new ManualClock();
        BlockingQueue<BatchReport> reports = new LinkedBlockingQueue<>();
        ConcurrentLinkedQueue<List<KeyValue<String, Long>>> input = new ConcurrentLinkedQueue<>();
        StreamingContext context = StreamingContext.builder().name("state-footprint").batchInterval(Duration.ofSeconds(1))
                .clock(clock).parallelism(2).listener(reports::add).build();
        PairDStream.of(context.queueStream("pairs", input))
                .updateStateByKey((List<Long> values, Optional<Long> total) -> {
                    long sum = total.orElse(0L);
                    for (long v : values) {
                        sum += v;
                    }
                    return Optional.of(sum);
                })
                .foreachBatch((batch, states) -> { });
        context.start();
        List<KeyValue<String, Long>> batch = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            batch.add(KeyValue.of(String.format("bus-%07d", i), (long) (i % 100)));
        }
        input.add(batch);
        batch = null;
        clock.advance(Duration.ofSeconds(1));
        BatchReport report = reports.poll(10, TimeUnit.MINUTES);
        if (report == null || !report.succeeded()) {
            throw new IllegalStateException("the batch failed or timed out: " + report);
        }
        long after = usedAfterGc();
        System.out.printf("STATE keys=%d heap_mb=%.1f bytes_per_key=%.0f%n", keys, (after - before) / 1e6,
                (after - before) / (double) keys);
        context.stop(false);
        context.awaitTermination(Duration.ofMinutes(1));
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}

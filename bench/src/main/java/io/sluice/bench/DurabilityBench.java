package io.sluice.bench;

import io.sluice.platform.durability.wal.Durability;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import io.sluice.spi.source.ReceiverSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code java -Xmx8g -cp bench/target/sluice-bench.jar io.sluice.bench.DurabilityBench [EVENTS] [DURABILITY]}:
 * the two figures of the durability issue, on the real engine with a checkpoint directory.
 *
 * <ul>
 *   <li><b>Push path</b>: two receiver threads store WORKLOAD.md bus events (JSON payloads, 1,000 a
 *       call) into a context whose write-ahead log runs in {@code DURABILITY} mode (default
 *       {@code FSYNC}); the pipeline parses them and keeps the occupancy per bus (reduceByKey,
 *       updateStateByKey). Events per second = events / time from the first store to the batch that
 *       processed the last event.</li>
 *   <li><b>Restart</b>: the same pipeline is started again on the same directory (checkpoint, batch
 *       log and write-ahead log from the first run); the time from {@code start()} to the first
 *       completed batch.</li>
 * </ul>
 * Prints {@code RESULT push ...} and {@code RESULT restart ...} lines; checks that the restarted run's
 * state equals the first run's (occupancies of all 2,000 buses).
 */
public final class DurabilityBench {
    private static final int BLOCK = 1_000;
    private static final int THREADS = 2;

    private DurabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Durability durability = args.length > 1 ? Durability.valueOf(args[1]) : Durability.FSYNC;
        Path dir = Files.createTempDirectory("sluice-durability-bench");
        try {
            long[] first = push(dir, events, durability);
            restart(dir, first);
        } finally {
            delete(dir);
        }
    }

    /** Stores {@code events} through a receiver and processes them; returns the final occupancies. */
    private static long[] push(Path dir, long events, Durability durability) throws InterruptedException {
        AtomicLong processed = new AtomicLong();
        long[] occupancy = new long[Workload.BUSES];
        CountDownLatch done = new CountDownLatch(1);
        Flood flood = new Flood(events);
        StreamingContext context = pipeline(dir, durability, occupancy, report -> {
            if (processed.addAndGet(report.recordsIn()) >= events) {
                done.countDown();
            }
        });
        occupancyPipeline(context, flood, occupancy);
        long started = System.nanoTime();
        context.start();
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        context.stop(false);   // as a crash would: the restart below recovers from the logs
        System.out.printf(Locale.ROOT, "RESULT push wal=%s events=%d seconds=%.3f events_per_s=%.0f%n", durability,
                events, seconds, events / seconds);
        return occupancy.clone();
    }

    private static void restart(Path dir, long[] expected) throws InterruptedException {
        long[] occupancy = new long[Workload.BUSES];
        CountDownLatch firstBatch = new CountDownLatch(1);
        AtomicLong firstBatchId = new AtomicLong();
        CountDownLatch stateRestored = new CountDownLatch(1);
        StreamingContext context = pipeline(dir, Durability.FSYNC, occupancy, report -> {
            if (firstBatch.getCount() > 0) {
                firstBatchId.set(report.batchId());
                firstBatch.countDown();
            }
            if (Arrays.equals(expected, occupancy)) {
                stateRestored.countDown();
            }
        });
        occupancyPipeline(context, new Flood(0), occupancy);
        long started = System.nanoTime();
        context.start();
        firstBatch.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        // the state reaches the output with the first batch that writes outputs (replays of
        // completed batches only rebuild it)
        boolean same = stateRestored.await(60, TimeUnit.SECONDS);
        context.stop(true);
        System.out.printf(Locale.ROOT, "RESULT restart seconds_to_first_batch=%.3f first_batch=%d state=%s%n", seconds,
                firstBatchId.get(), same ? "SAME" : "DIFFERENT");
    }

    private static StreamingContext pipeline(Path dir, Durability durability, long[] occupancy,
            java.util.function.Consumer<BatchReport> listener) {
        return StreamingContext.builder()
                .name("durability-bench")
                .batchInterval(Duration.ofSeconds(1))
                .parallelism(THREADS)
                .formats(RecordFormats.standard()::get)
                .checkpointDirectory(dir)
                .writeAheadLog(durability, false)
                .receiverMaxPendingRecords(2_000_000)
                .listener(listener::accept)
                .build();
    }

    /** WORKLOAD.md's running occupancy per bus, from the flood's JSON events into {@code occupancy}. */
    private static void occupancyPipeline(StreamingContext context, Flood flood, long[] occupancy) {
        context.source("sensors", flood).parse("json")
                .mapToPair(e -> KeyValue.of(e.getString("bus"), e.getLong("boarded") - e.getLong("alighted")))
                .reduceByKey(Long::sum)
                .updateStateByKey(DurabilityBench::add)
                .named("occupancy")
                .foreachBatch((batch, states) -> states.forEach(kv -> occupancy[busIndex(kv.key())] = kv.value()));
    }

    private static Optional<Long> add(List<Long> deltas, Optional<Long> state) {
        long total = state.orElse(0L);
        for (long d : deltas) {
            total += d;
        }
        return Optional.of(total);
    }

    private static int busIndex(String bus) {
        return Integer.parseInt(bus.substring("bus-".length()));
    }

    /**
     * {@code THREADS} threads storing events 0..n-1 as JSON payloads, {@code BLOCK} per call. The
     * events are generated before the context starts, so the figure is the push path's, not the
     * JSON generator's.
     */
    private static final class Flood implements ReceiverSource {
        private final List<List<Record>> blocks = new ArrayList<>();

        Flood(long events) {
            for (long from = 0; from < events; from += BLOCK) {
                List<Record> block = new ArrayList<>(BLOCK);
                for (byte[] line : Workload.jsonLines(from, Math.min(events, from + BLOCK))) {
                    block.add(Record.ofPayload(line));
                }
                blocks.add(block);
            }
        }

        @Override
        public Receiver createReceiver(ComponentContext context) {
            return new Receiver() {
                private final List<Thread> threads = new ArrayList<>();

                @Override
                public void start(ReceiverContext ctx) {
                    AtomicLong next = new AtomicLong();
                    for (int t = 0; t < THREADS; t++) {
                        Thread thread = new Thread(() -> store(ctx, next), "flood-" + t);
                        threads.add(thread);
                        thread.start();
                    }
                }

                @Override
                public void stop() {
                    threads.forEach(Thread::interrupt);
                }
            };
        }

        private void store(ReceiverContext ctx, AtomicLong next) {
            try {
                for (long i = next.getAndIncrement(); i < blocks.size(); i = next.getAndIncrement()) {
                    ctx.store(blocks.get((int) i));
                }
            } catch (InterruptedException | RetriableException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

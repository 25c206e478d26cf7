package io.sluice.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of WORKLOAD.md: a plain Java loop with Jackson data binding and HashMaps, each batch
 * split over the worker threads (each parses its half into its own maps, then the halves are
 * merged into the running state). The JSON lines of a batch are made before its clock starts, like
 * the cached input of the Spark figure; only processing is timed.
 */
final class BaselineRun {
    static final String MODE = "baseline";

    /**
     * One event as data-bound by Jackson: a class with public fields, which Jackson fills as it reads
     * (a record would go through its constructor, buffering the properties first).
     */
    public static final class Event {
        public String bus;
        public String line;
        public long stop;
        public long ts;
        public long boarded;
        public long alighted;
        public long capacity;
    }

    /** One thread's share of a batch: per bus the delta and capacity, per line the event count. */
    private static final class Partial {
        final Map<String, long[]> buses = new HashMap<>();
        final Map<String, Long> lines = new HashMap<>();
    }

    /** Buffers recycled per thread: Jackson 3's default pool is a shared deque the two threads contend on. */
    private final ObjectReader reader = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build().readerFor(Event.class);

    Outcome run(BenchOptions options) throws InterruptedException {
        int threads = options.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<String, Long> occupancy = new HashMap<>();
            Map<String, Long> capacity = new HashMap<>();
            List<Long> alerts = new ArrayList<>();
            LineWindow window = new LineWindow(LineWindow.BATCHES);
            Map<String, Long> lastWindow = Map.of();
            long nanos = 0;
            long cpu = 0;
            for (int b = 0; b < options.batches(); b++) {
                byte[][] lines = Workload.jsonLines(options.batchStart(b), options.batchStart(b + 1));
                long cpuBefore = ProcessCpu.nanos();
                long start = System.nanoTime();
                List<Future<Partial>> parts = new ArrayList<>(threads);
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) lines.length * t / threads);
                    int to = (int) ((long) lines.length * (t + 1) / threads);
                    parts.add(pool.submit(() -> parse(lines, from, to)));
                }
                Map<String, Long> lineCounts = new HashMap<>();
                for (Future<Partial> part : parts) {
                    Partial p = get(part);
                    p.buses.forEach((bus, dc) -> {
                        occupancy.merge(bus, dc[0], Long::sum);
                        capacity.put(bus, dc[1]);
                    });
                    p.lines.forEach((line, n) -> lineCounts.merge(line, n, Long::sum));
                }
                long over = 0;
                for (Map.Entry<String, Long> e : occupancy.entrySet()) {
                    if (e.getValue() >= capacity.get(e.getKey())) {
                        over++;
                    }
                }
                alerts.add(over);
                lastWindow = window.slide(lineCounts);
                nanos += System.nanoTime() - start;
                cpu += ProcessCpu.nanos() - cpuBefore;
            }
            return new Outcome(nanos, cpu, occupancy, alerts, lastWindow, "plain loop keeping the last 10 batch counts");
        } finally {
            pool.shutdownNow();
        }
    }

    private Partial parse(byte[][] lines, int from, int to) {
        Partial p = new Partial();
        for (int i = from; i < to; i++) {
            Event e = reader.readValue(lines[i]);
            long[] dc = p.buses.computeIfAbsent(e.bus, k -> new long[2]);
            dc[0] += e.boarded - e.alighted;
            dc[1] = e.capacity;
            p.lines.merge(e.line, 1L, Long::sum);
        }
        return p;
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a baseline worker failed", e.getCause());
        }
    }
}

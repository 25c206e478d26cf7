package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The WORKLOAD.md bus pipeline (parse, map to (bus, boarded - alighted), reduceByKey,
 * updateStateByKey, capacity alerts) on the Java API, against a plain loop over the same events.
 */
class BusOccupancyPipelineTest {
    static final int BUSES = 2000;

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static int bus(long k) {
        return (int) (k % BUSES);
    }

    static int boarded(long k) {
        return (int) (mix64(42L + k) & 0x7fffffff) % 6;
    }

    static int alighted(long k) {
        return (int) (mix64(42L + k) & 0x7fffffff) / 6 % 6;
    }

    static int capacity(int bus) {
        return bus % 3 == 0 ? 60 : bus % 3 == 1 ? 80 : 120;
    }

    /** Event {@code k} exactly as WORKLOAD.md writes it. */
    static String event(long k) {
        int bus = bus(k);
        return String.format("{\"bus\":\"bus-%04d\",\"line\":\"L%02d\",\"stop\":%d,\"ts\":%d,\"boarded\":%d,"
                        + "\"alighted\":%d,\"capacity\":%d}", bus, bus % 50, (k / BUSES) % 40, 1732390000000L + k,
                boarded(k), alighted(k), capacity(bus));
    }

    /** Event numbers {@code [start, end)}. */
    record Range(long start, long end) {
    }

    /** A replayable bus-sensor generator: {@code perBatch} events a batch, {@code splits} splits, {@code limit} in all. */
    static final class BusEvents implements ReplayableSource<Range> {
        final long perBatch;
        final int splits;
        final long limit;

        BusEvents(long perBatch, int splits, long limit) {
            this.perBatch = perBatch;
            this.splits = splits;
            this.limit = limit;
        }

        @Override
        public SplitCodec<Range> splitCodec() {
            return new SplitCodec<>() {
                @Override
                public int version() {
                    return 1;
                }

                @Override
                public byte[] encode(Range r) {
                    return ByteBuffer.allocate(16).putLong(r.start()).putLong(r.end()).array();
                }

                @Override
                public Range decode(int version, byte[] bytes) {
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    return new Range(b.getLong(), b.getLong());
                }
            };
        }

        @Override
        public SplitPlanner<Range> createPlanner(ComponentContext context) {
            return new SplitPlanner<>() {
                private long next;

                @Override
                public List<Range> plan(BatchInfo batch, long maxRecords) {
                    long end = Math.min(limit, next + Math.min(perBatch, maxRecords));
                    List<Range> ranges = new ArrayList<>();
                    for (int s = 0; s < splits; s++) {
                        ranges.add(new Range(next + (end - next) * s / splits, next + (end - next) * (s + 1) / splits));
                    }
                    next = end;
                    return ranges;
                }

                @Override
                public byte[] position() {
                    return ByteBuffer.allocate(8).putLong(next).array();
                }

                @Override
                public void restore(byte[] position) {
                    next = ByteBuffer.wrap(position).getLong();
                }

                @Override
                public boolean exhausted() {
                    return next >= limit;
                }
            };
        }

        @Override
        public SplitReader<Range> createReader(ComponentContext context) {
            return (split, out) -> emit(split, out);
        }

        private static void emit(Range split, Emitter out) {
            for (long k = split.start(); k < split.end(); k++) {
                out.emit(Record.builder().payload(event(k).getBytes(StandardCharsets.UTF_8))
                        .position("bus-sensors@" + k).build());
            }
        }
    }

    /** A bus's occupancy (or a batch's change of it) and its capacity. */
    record Occupancy(long occupancy, long capacity) {
        Occupancy plus(Occupancy later) {
            return new Occupancy(occupancy + later.occupancy, later.capacity);
        }
    }

    @Test
    void theTestGeneratorIsTheWorkloadsGenerator() {
        assertThat(event(0)).isEqualTo("{\"bus\":\"bus-0000\",\"line\":\"L00\",\"stop\":0,\"ts\":1732390000000,"
                + "\"boarded\":2,\"alighted\":0,\"capacity\":60}");
        assertThat(event(2042)).isEqualTo("{\"bus\":\"bus-0042\",\"line\":\"L42\",\"stop\":1,\"ts\":1732390002042,"
                + "\"boarded\":2,\"alighted\":0,\"capacity\":60}");
        assertThat(event(9_999_999)).isEqualTo("{\"bus\":\"bus-1999\",\"line\":\"L49\",\"stop\":39,"
                + "\"ts\":1732399999999,\"boarded\":0,\"alighted\":5,\"capacity\":80}");
        long[] occupancy = plainLoop(1_000_000);
        long sum = 0;
        int full = 0;
        for (int bus = 0; bus < BUSES; bus++) {
            sum += occupancy[bus];
            full += occupancy[bus] >= capacity(bus) ? 1 : 0;
        }
        assertThat(sum).isEqualTo(1742);
        assertThat(full).isEqualTo(160);
    }

    static long[] plainLoop(long events) {
        long[] occupancy = new long[BUSES];
        for (long k = 0; k < events; k++) {
            occupancy[bus(k)] += boarded(k) - alighted(k);
        }
        return occupancy;
    }

    /** What the pipeline produced: the last batch's occupancies, and per batch the alerts. */
    record Outcome(Map<String, Long> occupancy, List<Integer> full, List<Integer> busy) {
    }

    /**
     * Runs the pipeline over {@code events} events in {@code batches} batches. Besides the
     * workload's alert (occupancy at or over capacity) it counts "busy" buses (at or over a quarter
     * of capacity), which short runs reach long before any bus is full.
     */
    static Outcome runPipeline(long events, int batches) throws InterruptedException {
        AtomicReference<List<KeyValue<String, Occupancy>>> lastStates = new AtomicReference<>();
        List<Integer> full = new CopyOnWriteArrayList<>();
        List<Integer> busy = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(2).shufflePartitions(4)
                .formats(JsonTestFormat.lookup()))) {
            PairDStream<String, Occupancy> occupancy = p.ctx
                    .source("sensors", new BusEvents(events / batches, 4, events))
                    .parse("json")
                    .mapToPair(e -> KeyValue.of(e.getString("bus"),
                            new Occupancy(e.getLong("boarded") - e.getLong("alighted"), e.getLong("capacity"))))
                    .reduceByKey(Occupancy::plus)
                    .updateStateByKey((List<Occupancy> deltas, Optional<Occupancy> state) -> Optional.of(
                            deltas.stream().reduce(state.orElse(new Occupancy(0, 0)), Occupancy::plus)));
            occupancy.foreachBatch((batch, states) -> lastStates.set(states));
            occupancy.filter(kv -> kv.value().occupancy() >= kv.value().capacity())
                    .foreachBatch((batch, alerts) -> full.add(alerts.size()));
            occupancy.filter(kv -> kv.value().occupancy() * 4 >= kv.value().capacity())
                    .foreachBatch((batch, alerts) -> busy.add(alerts.size()));
            p.ctx.start();
            p.runUntilStopped(batches + 2);
            p.ctx.awaitTermination();

            assertThat(p.reports).hasSize(batches).allMatch(BatchReport::succeeded);
            assertThat(p.reports).extracting(BatchReport::recordsIn).containsOnly(events / batches);
            assertThat(p.badRecords).isEmpty();
        }
        Map<String, Long> occupancy = new HashMap<>();
        lastStates.get().forEach(kv -> assertThat(occupancy.put(kv.key(), kv.value().occupancy())).isNull());
        return new Outcome(occupancy, full, busy);
    }

    @Test
    void occupanciesAndAlertsEqualAPlainLoopOver100kEventsIn10Batches() throws Exception {
        long events = 100_000;
        int batches = 10;
        Outcome outcome = runPipeline(events, batches);

        long[] expected = new long[BUSES];
        List<Integer> expectedFull = new ArrayList<>();
        List<Integer> expectedBusy = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            for (long k = b * events / batches; k < (b + 1) * events / batches; k++) {
                expected[bus(k)] += boarded(k) - alighted(k);
            }
            int full = 0;
            int busy = 0;
            for (int bus = 0; bus < BUSES; bus++) {
                full += expected[bus] >= capacity(bus) ? 1 : 0;
                busy += expected[bus] * 4 >= capacity(bus) ? 1 : 0;
            }
            expectedFull.add(full);
            expectedBusy.add(busy);
        }
        Map<String, Long> reference = new HashMap<>();
        for (int bus = 0; bus < BUSES; bus++) {
            reference.put(String.format("bus-%04d", bus), expected[bus]);
        }
        assertThat(outcome.occupancy()).isEqualTo(reference);
        assertThat(outcome.full()).isEqualTo(expectedFull);
        assertThat(outcome.busy()).isEqualTo(expectedBusy);
        assertThat(expectedBusy.get(batches - 1)).as("some buses are busy, or the alert check proves nothing")
                .isPositive();
    }

    @Test
    @Tag("slow")
    void after1MillionEventsTheFiguresAreWorkloadMds() throws Exception {
        Outcome outcome = runPipeline(1_000_000, 10);

        assertThat(outcome.occupancy().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1742);
        assertThat(outcome.full().get(9)).isEqualTo(160);
    }
}

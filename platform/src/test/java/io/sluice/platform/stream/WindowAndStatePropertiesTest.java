package io.sluice.platform.stream;

import static io.sluice.platform.stream.StreamHarness.batch;
import static io.sluice.platform.stream.StreamHarness.sums;
import static io.sluice.platform.stream.StreamHarness.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Windows and keyed state on random input, random partition counts and random thread counts: every
 * output must equal the plain computation, which knows nothing of partitions or threads. The input
 * is split into {@code inputPartitions} contiguous partitions (arrival order kept), so the
 * order-sensitive state functions see each key's values in arrival order; the windows read a
 * round-robin repartition (which interleaves the order), so their contents are compared as
 * multisets and their aggregates must not care.
 */
class WindowAndStatePropertiesTest {
    private static final int DRAIN = 4;

    @Provide
    Arbitrary<List<List<KeyValue<String, Integer>>>> batches() {
        Arbitrary<KeyValue<String, Integer>> pair = Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(-4, 9)).as((k, v) -> KeyValue.of("k" + k, v));
        return pair.list().ofMaxSize(25).list().ofMinSize(1).ofMaxSize(9);
    }

    @Property(tries = 40)
    void windowsAndStateDoNotDependOnPartitionsOrThreads(@ForAll("batches") List<List<KeyValue<String, Integer>>> in,
            @ForAll @IntRange(min = 1, max = 5) int inputPartitions, @ForAll @IntRange(min = 1, max = 6) int spread,
            @ForAll @IntRange(min = 1, max = 4) int threads, @ForAll @IntRange(min = 1, max = 4) int length,
            @ForAll @IntRange(min = 1, max = 3) int slide) {
        int batches = in.size() + DRAIN;
        Map<String, Map<Long, Object>> out = new ConcurrentHashMap<>();
        try (TestPipeline p = new TestPipeline(threads, inputPartitions)) {
            PairDStream<String, Integer> input = PairDStream.of(p.ctx.queueStream("in", new ConcurrentLinkedQueue<>(in)));
            PairDStream<String, Integer> pairs = input.repartition(spread);
            Duration l = Duration.ofSeconds(length);
            Duration s = Duration.ofSeconds(slide);
            pairs.window(l, s).foreachBatch((b, e) -> put(out, "window", b.id(), sorted(e)));
            pairs.reduceByKeyAndWindow(Integer::sum, l, s)
                    .foreachBatch((b, e) -> put(out, "reduce", b.id(), StreamHarness.asMap(e)));
            pairs.reduceByKeyAndWindow(Integer::sum, (x, y) -> x - y, l, s, spread, null)
                    .filter(kv -> kv.value() != 0)
                    .foreachBatch((b, e) -> put(out, "incremental", b.id(), StreamHarness.asMap(e)));
            input.updateStateByKey((List<Integer> values, Optional<Integer> sum) -> Optional.of(
                            sum.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()))
                    .foreachBatch((b, e) -> put(out, "state", b.id(), StreamHarness.asMap(e)));
            MapWithStateDStream<String, Integer, Integer, String> mapped = input.mapWithState(
                    StateSpec.function(MapWithStateTest.SUM).timeout(Duration.ofSeconds(2)));
            mapped.foreachBatch((b, e) -> put(out, "mapped", b.id(), e.stream().sorted().toList()));
            mapped.stateSnapshots().map(kv -> kv.key() + "=" + kv.value())
                    .foreachBatch((b, e) -> put(out, "snapshots", b.id(), e.stream().sorted().toList()));
            p.ctx.start();
            p.runBatches(batches);
        }

        Map<Long, Object> windows = new TreeMap<>();
        Map<Long, Object> reduced = new TreeMap<>();
        Map<Long, Object> incremental = new TreeMap<>();
        for (long id = slide; id <= batches; id += slide) {
            windows.put(id, sorted(window(in, id, length)));
            reduced.put(id, sums(window(in, id, length)));
            Map<String, Integer> nonZero = new TreeMap<>(sums(window(in, id, length)));
            nonZero.values().removeIf(v -> v == 0);
            incremental.put(id, nonZero);
        }
        Map<Long, Object> state = new TreeMap<>();
        List<KeyValue<String, Integer>> all = new ArrayList<>();
        for (long id = 1; id <= batches; id++) {
            all.addAll(batch(in, id));
            state.put(id, sums(all));
        }
        Map<Long, Object> mappedExpected = new TreeMap<>();
        Map<Long, Object> snapshotsExpected = new TreeMap<>();
        MapWithStateTest.reference(in, batches, 2).forEach((id, both) -> {
            mappedExpected.put(id, both.get(0));
            snapshotsExpected.put(id, both.get(1));
        });

        assertThat(out.getOrDefault("window", Map.of())).isEqualTo(windows);
        assertThat(out.getOrDefault("reduce", Map.of())).isEqualTo(reduced);
        assertThat(out.getOrDefault("incremental", Map.of())).isEqualTo(incremental);
        assertThat(out.get("state")).isEqualTo(state);
        assertThat(out.get("mapped")).isEqualTo(mappedExpected);
        assertThat(out.get("snapshots")).isEqualTo(snapshotsExpected);
    }

    private static List<String> sorted(List<KeyValue<String, Integer>> pairs) {
        return pairs.stream().map(KeyValue::toString).sorted().toList();
    }

    private static void put(Map<String, Map<Long, Object>> out, String name, long batch, Object value) {
        out.computeIfAbsent(name, n -> new TreeMap<>()).put(batch, value);
    }
}

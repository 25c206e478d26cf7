package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * mapWithState against a plain model of Spark's rules: called per element in arrival order and for
 * timing-out keys only; idle timeout on batch times of a manual clock; remove and update; snapshots.
 */
class MapWithStateTest {
    private static final int BATCHES = 14;

    /** A running sum per key; a value of 0 removes the key; timing out emits "key timed out at sum". */
    static final MappingFunction<String, Integer, Integer, String> SUM = (key, value, state) -> {
        if (state.isTimingOut()) {
            return key + " timed out at " + state.get();
        }
        int v = value.orElseThrow();
        if (v == 0) {
            if (state.exists()) {
                state.remove();
            }
            return key + " removed";
        }
        int sum = state.getOption().orElse(0) + v;
        state.update(sum);
        return sum > 15 ? null : key + "=" + sum;
    };

    /** Input with long idle gaps per key, zeros, and empty batches. */
    static List<List<KeyValue<String, Integer>>> input() {
        List<List<KeyValue<String, Integer>>> in = new ArrayList<>();
        java.util.Random random = new java.util.Random(99);
        for (int b = 0; b < BATCHES; b++) {
            List<KeyValue<String, Integer>> batch = new ArrayList<>();
            int n = b % 5 == 4 ? 0 : random.nextInt(8);
            for (int i = 0; i < n; i++) {
                batch.add(KeyValue.of("k" + (b / 3 * 2 + random.nextInt(3)), random.nextInt(5)));
            }
            in.add(batch);
        }
        return in;
    }

    /** Spark's rules, plainly: per element in order, then timeouts (last active batch time < now - timeout). */
    static Map<Long, List<List<String>>> reference(List<List<KeyValue<String, Integer>>> in, int batches, long timeoutSeconds) {
        Map<String, Integer> state = new LinkedHashMap<>();
        Map<String, Long> activeAt = new HashMap<>();
        Map<Long, List<List<String>>> out = new TreeMap<>();
        for (long id = 1; id <= batches; id++) {
            List<String> mapped = new ArrayList<>();
            for (KeyValue<String, Integer> kv : StreamHarness.batch(in, id)) {
                String m = apply(kv.key(), kv.value(), state);
                if (m != null) {
                    mapped.add(m);
                }
                if (state.containsKey(kv.key())) {
                    activeAt.put(kv.key(), id);
                }
            }
            if (timeoutSeconds > 0) {
                for (String key : new ArrayList<>(state.keySet())) {
                    if (activeAt.get(key) < id - timeoutSeconds) {
                        mapped.add(key + " timed out at " + state.remove(key));
                    }
                }
            }
            List<String> snapshot = new ArrayList<>();
            state.forEach((k, v) -> snapshot.add(k + "=" + v));
            out.put(id, List.of(mapped.stream().sorted().toList(), snapshot.stream().sorted().toList()));
        }
        return out;
    }

    private static String apply(String key, int v, Map<String, Integer> state) {
        if (v == 0) {
            state.remove(key);
            return key + " removed";
        }
        int sum = state.getOrDefault(key, 0) + v;
        state.put(key, sum);
        return sum > 15 ? null : key + "=" + sum;
    }

    static Map<Long, List<List<String>>> run(List<List<KeyValue<String, Integer>>> in, int threads, int partitions,
            Duration timeout) {
        Map<Long, List<String>> mapped = new ConcurrentHashMap<>();
        Map<Long, List<String>> snapshots = new ConcurrentHashMap<>();
        try (TestPipeline p = new TestPipeline(threads, partitions)) {
            StateSpec<String, Integer, Integer, String> spec = StateSpec.function(SUM);
            if (timeout != null) {
                spec = spec.timeout(timeout);
            }
            MapWithStateDStream<String, Integer, Integer, String> out = PairDStream.of(
                    p.ctx.queueStream("in", new ConcurrentLinkedQueue<>(in))).mapWithState(spec);
            out.foreachBatch((b, e) -> mapped.put(b.id(), e.stream().sorted().toList()));
            out.stateSnapshots().map(kv -> kv.key() + "=" + kv.value())
                    .foreachBatch((b, e) -> snapshots.put(b.id(), e.stream().sorted().toList()));
            p.ctx.start();
            p.runBatches(BATCHES + 6);
        }
        Map<Long, List<List<String>>> out = new TreeMap<>();
        mapped.forEach((id, m) -> out.put(id, List.of(m, snapshots.get(id))));
        return out;
    }

    @Test
    void withoutTimeoutKeysLiveUntilRemoved() {
        List<List<KeyValue<String, Integer>>> in = input();
        Map<Long, List<List<String>>> out = run(in, 3, 4, null);
        assertThat(out).isEqualTo(reference(in, BATCHES + 6, 0));
        assertThat(out.get((long) BATCHES + 6).get(1)).isNotEmpty();
    }

    @Test
    void idleKeysTimeOutOnceOnTheManualClock() {
        List<List<KeyValue<String, Integer>>> in = input();
        Map<Long, List<List<String>>> out = run(in, 3, 4, Duration.ofSeconds(3));
        assertThat(out).isEqualTo(reference(in, BATCHES + 6, 3));
        assertThat(out.values()).anyMatch(batch -> batch.get(0).stream().anyMatch(m -> m.contains("timed out")));
        assertThat(out.get((long) BATCHES + 6).get(1)).isEmpty();
    }

    @Test
    void keysWithoutDataAreNotCalledAndAFailedUpdateLeavesNoTrace() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(2, 2)) {
            Map<Long, List<String>> snapshots = new ConcurrentHashMap<>();
            PairDStream.of(p.ctx.queueStream("in", new ConcurrentLinkedQueue<>(List.of(
                            List.of(KeyValue.of("a", 1), KeyValue.of("b", 2)), List.of(KeyValue.of("a", 5))))))
                    .mapWithState(StateSpec.<String, Integer, Integer, String>function((k, v, s) -> {
                        calls.add(k + v.map(String::valueOf).orElse("-"));
                        s.update(s.getOption().orElse(0) + v.orElse(0));
                        return null;
                    }).numPartitions(3))
                    .stateSnapshots()
                    .foreachBatch((b, e) -> snapshots.put(b.id(), e.stream().map(Object::toString).sorted().toList()));
            p.ctx.start();
            p.runBatches(3);
            assertThat(calls).containsExactlyInAnyOrder("a1", "b2", "a5");
            assertThat(snapshots.get(3L)).containsExactly("(a,6)", "(b,2)");
        }
    }

    @Test
    void theInitialStateIsThereFromTheFirstBatch() {
        try (TestPipeline p = new TestPipeline(2, 3)) {
            Map<Long, List<String>> mapped = new ConcurrentHashMap<>();
            Map<Long, List<String>> snapshots = new ConcurrentHashMap<>();
            MapWithStateDStream<String, Integer, Integer, String> out = PairDStream.of(p.ctx.queueStream("in",
                            new ConcurrentLinkedQueue<>(List.of(List.of(KeyValue.of("a", 1)), List.of(KeyValue.of("c", 2))))))
                    .mapWithState(StateSpec.function(SUM).initialState(Map.of("a", 10, "b", 5))
                            .timeout(Duration.ofSeconds(2)));
            out.foreachBatch((b, e) -> mapped.put(b.id(), e.stream().sorted().toList()));
            out.stateSnapshots().foreachBatch((b, e) -> snapshots.put(b.id(),
                    e.stream().map(Object::toString).sorted().toList()));
            p.ctx.start();
            p.runBatches(5);
            assertThat(new TreeMap<>(mapped)).containsExactly(Map.entry(1L, List.of("a=11")), Map.entry(2L, List.of("c=2")),
                    Map.entry(3L, List.of()), Map.entry(4L, List.of("a timed out at 11", "b timed out at 5")),
                    Map.entry(5L, List.of("c timed out at 2")));
            assertThat(snapshots.get(1L)).containsExactly("(a,11)", "(b,5)");
        }
    }
}

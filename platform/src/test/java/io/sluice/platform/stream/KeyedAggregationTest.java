package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedAggregationTest {

    /** Batches of (key, value): keys appear, vanish and come back; batch 3 and 6 are empty. */
    static List<List<KeyValue<String, Integer>>> batches() {
        Random random = new Random(7);
        List<List<KeyValue<String, Integer>>> batches = new ArrayList<>();
        int[] sizes = {40, 25, 0, 60, 1, 0, 33};
        int[] keyRange = {5, 12, 1, 20, 3, 1, 8};
        for (int b = 0; b < sizes.length; b++) {
            List<KeyValue<String, Integer>> batch = new ArrayList<>();
            for (int i = 0; i < sizes[b]; i++) {
                int keyIndex = random.nextInt(keyRange[b]) + (b % 2 == 0 ? 0 : 4);
                batch.add(KeyValue.of("k" + keyIndex, random.nextInt(21) - 3));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static Map<String, Integer> toMap(List<KeyValue<String, Integer>> pairs) {
        Map<String, Integer> map = new TreeMap<>();
        for (KeyValue<String, Integer> kv : pairs) {
            assertThat(map.put(kv.key(), kv.value())).as("key %s twice in one batch", kv.key()).isNull();
        }
        return map;
    }

    @Test
    void reduceByKeySumsEachBatchOnItsOwn() {
        List<List<KeyValue<String, Integer>>> batches = batches();
        try (TestPipeline p = new TestPipeline(3, 4)) {
            List<Map<String, Integer>> out = new CopyOnWriteArrayList<>();
            PairDStream.of(p.ctx.queueStream("pairs", new ConcurrentLinkedQueue<>(batches)))
                    .reduceByKey(Integer::sum)
                    .foreachBatch((batch, pairs) -> out.add(toMap(pairs)));
            p.ctx.start();
            p.runBatches(batches.size());

            List<Map<String, Integer>> expected = new ArrayList<>();
            for (List<KeyValue<String, Integer>> batch : batches) {
                Map<String, Integer> sums = new TreeMap<>();
                batch.forEach(kv -> sums.merge(kv.key(), kv.value(), Integer::sum));
                expected.add(sums);
            }
            assertThat(out).isEqualTo(expected);
            assertThat(out.get(2)).isEmpty();
        }
    }

    @Test
    void reduceByKeyWithOwnPartitionCountKeepsEveryKeyInOnePartition() {
        List<List<KeyValue<String, Integer>>> batches = batches();
        try (TestPipeline p = new TestPipeline(2, 3)) {
            List<List<Set<String>>> partitionKeys = new CopyOnWriteArrayList<>();
            PairDStream.of(p.ctx.queueStream("pairs", new ConcurrentLinkedQueue<>(batches)))
                    .reduceByKey(Integer::sum, 5)
                    .mapPartitions(partition -> {
                        Set<String> keys = new HashSet<>();
                        partition.forEach(kv -> keys.add(kv.key()));
                        return List.of(keys);
                    })
                    .foreachBatch((batch, keySets) -> partitionKeys.add(List.copyOf(keySets)));
            p.ctx.start();
            p.runBatches(2);

            for (List<Set<String>> perPartition : partitionKeys) {
                assertThat(perPartition).hasSize(5);
                for (int r = 0; r < 5; r++) {
                    for (String key : perPartition.get(r)) {
                        assertThat(io.sluice.platform.engine.HashPartitioner.partition(key, 5)).isEqualTo(r);
                    }
                }
            }
        }
    }

    @Test
    void updateStateByKeyKeepsRunningTotalsAndRemovesKeysWhoseUpdateIsEmpty() {
        List<List<KeyValue<String, Integer>>> batches = batches();
        try (TestPipeline p = new TestPipeline(2, 3)) {
            List<Map<String, Integer>> out = new CopyOnWriteArrayList<>();
            List<Integer> callsPerBatch = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            PairDStream.of(p.ctx.queueStream("pairs", new ConcurrentLinkedQueue<>(batches)))
                    .updateStateByKey((List<Integer> values, Optional<Integer> total) -> {
                        calls.incrementAndGet();
                        int sum = total.orElse(0) + values.stream().mapToInt(Integer::intValue).sum();
                        return sum > 60 ? Optional.<Integer>empty() : Optional.of(sum);   // big totals leave
                    })
                    .foreachBatch((batch, states) -> {
                        out.add(toMap(states));
                        callsPerBatch.add(calls.getAndSet(0));
                    });
            p.ctx.start();
            p.runBatches(batches.size());

            Map<String, Integer> state = new LinkedHashMap<>();
            List<Map<String, Integer>> expected = new ArrayList<>();
            List<Integer> expectedCalls = new ArrayList<>();
            for (List<KeyValue<String, Integer>> batch : batches) {
                Map<String, List<Integer>> values = new LinkedHashMap<>();
                batch.forEach(kv -> values.computeIfAbsent(kv.key(), k -> new ArrayList<>()).add(kv.value()));
                Set<String> keys = new HashSet<>(state.keySet());
                keys.addAll(values.keySet());
                for (String key : keys) {
                    int sum = state.getOrDefault(key, 0)
                            + values.getOrDefault(key, List.of()).stream().mapToInt(Integer::intValue).sum();
                    if (sum > 60) {
                        state.remove(key);
                    } else {
                        state.put(key, sum);
                    }
                }
                expected.add(new TreeMap<>(state));
                expectedCalls.add(keys.size());
            }
            assertThat(out).isEqualTo(expected);
            assertThat(callsPerBatch).isEqualTo(expectedCalls);
            assertThat(countRemovals(batches)).as("keys must be removed at some point, or the test proves nothing")
                    .isPositive();
        }
    }

    private static int countRemovals(List<List<KeyValue<String, Integer>>> batches) {
        Map<String, Integer> state = new LinkedHashMap<>();
        int removals = 0;
        for (List<KeyValue<String, Integer>> batch : batches) {
            Map<String, Integer> sums = new LinkedHashMap<>();
            batch.forEach(kv -> sums.merge(kv.key(), kv.value(), Integer::sum));
            Set<String> keys = new HashSet<>(state.keySet());
            keys.addAll(sums.keySet());
            for (String key : keys) {
                int sum = state.getOrDefault(key, 0) + sums.getOrDefault(key, 0);
                if (sum > 60) {
                    state.remove(key);
                    removals++;
                } else {
                    state.put(key, sum);
                }
            }
        }
        return removals;
    }

    @Test
    void updateStateCalledWithEmptyValuesForKeysWithoutNewData() {
        try (TestPipeline p = new TestPipeline(1, 2)) {
            List<Map<String, String>> out = new CopyOnWriteArrayList<>();
            List<List<KeyValue<String, Integer>>> batches = List.of(
                    List.of(KeyValue.of("a", 1), KeyValue.of("b", 2)), List.of(), List.of(KeyValue.of("a", 3)));
            PairDStream.of(p.ctx.queueStream("pairs", new ConcurrentLinkedQueue<>(batches)))
                    .updateStateByKey((List<Integer> values, Optional<String> history) ->
                            Optional.of(history.orElse("") + values + ";"))
                    .foreachBatch((batch, states) -> {
                        Map<String, String> m = new TreeMap<>();
                        states.forEach(kv -> m.put(kv.key(), kv.value()));
                        out.add(m);
                    });
            p.ctx.start();
            p.runBatches(3);

            assertThat(out).containsExactly(
                    Map.of("a", "[1];", "b", "[2];"),
                    Map.of("a", "[1];[];", "b", "[2];[];"),
                    Map.of("a", "[1];[];[3];", "b", "[2];[];[];"));
        }
    }
}

package io.sluice.platform.stream;

import static io.sluice.platform.stream.StreamHarness.each;
import static io.sluice.platform.stream.StreamHarness.keyedBatches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The per-batch operations against plain computations, batch by batch (empty batches included). */
class BatchOperationsTest {
    private static final int BATCHES = 10;

    private static final List<List<KeyValue<String, Integer>>> PAIRS = keyedBatches(17, BATCHES);
    private static final List<List<Integer>> NUMBERS = PAIRS.stream()
            .map(b -> b.stream().map(KeyValue::value).toList()).toList();

    private static <R> Map<Long, R> perBatch(java.util.function.Function<List<KeyValue<String, Integer>>, R> f) {
        Map<Long, R> out = new TreeMap<>();
        for (int i = 0; i < PAIRS.size(); i++) {
            out.put(i + 1L, f.apply(PAIRS.get(i)));
        }
        return out;
    }

    @Test
    void countGivesOneElementPerBatchAndReduceNoneForAnEmptyBatch() {
        assertThat(PAIRS).anyMatch(List::isEmpty);
        Map<Long, List<Long>> counts = StreamHarness.run(NUMBERS, 0, 3, 4, DStream::count);
        assertThat(counts).isEqualTo(perBatch(b -> List.of((long) b.size())));

        Map<Long, List<Integer>> sums = StreamHarness.run(NUMBERS, 0, 3, 4, d -> d.reduce(Integer::sum));
        assertThat(sums).isEqualTo(perBatch(b -> b.isEmpty() ? List.<Integer>of()
                : List.of(b.stream().mapToInt(KeyValue::value).sum())));

        // reduce combines in batch order: string concatenation shows the order.
        Map<Long, List<String>> concatenated = StreamHarness.run(NUMBERS, 0, 3, 4,
                d -> d.map(String::valueOf).reduce((a, b) -> a + "," + b));
        assertThat(concatenated).isEqualTo(perBatch(b -> b.isEmpty() ? List.<String>of()
                : List.of(b.stream().map(kv -> String.valueOf(kv.value())).collect(Collectors.joining(",")))));
    }

    @Test
    void countByValueCountsEachDistinctElement() {
        Map<Long, Map<Integer, Long>> out = each(StreamHarness.run(NUMBERS, 0, 2, 3, DStream::countByValue),
                pairs -> {
                    Map<Integer, Long> m = new TreeMap<>();
                    pairs.forEach(kv -> assertThat(m.put(kv.key(), kv.value())).isNull());
                    return m;
                });
        assertThat(out).isEqualTo(perBatch(b -> b.stream().collect(Collectors.groupingBy(KeyValue::value,
                TreeMap::new, Collectors.counting()))));
    }

    @Test
    void groupByKeyKeepsArrivalOrderAndCombineByKeyFoldsLikeAPlainLoop() {
        Map<Long, Map<String, List<Integer>>> groups = each(StreamHarness.run(PAIRS, 0, 3, 4,
                d -> PairDStream.of(d).groupByKey()), StreamHarness::asMap);
        assertThat(groups).isEqualTo(perBatch(b -> b.stream().collect(Collectors.groupingBy(KeyValue::key,
                TreeMap::new, Collectors.mapping(KeyValue::value, Collectors.toList())))));

        // (count, sum) per key: the classic average combiner.
        Map<Long, Map<String, List<Integer>>> averages = each(StreamHarness.run(PAIRS, 0, 3, 4,
                d -> PairDStream.of(d).combineByKey(v -> new int[] {1, v},
                        (acc, v) -> new int[] {acc[0] + 1, acc[1] + v},
                        (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]}, 5)
                        .mapValues(acc -> List.of(acc[0], acc[1]))), StreamHarness::asMap);
        assertThat(averages).isEqualTo(perBatch(b -> {
            Map<String, List<Integer>> m = new TreeMap<>();
            b.forEach(kv -> m.merge(kv.key(), List.of(1, kv.value()),
                    (x, y) -> List.of(x.get(0) + y.get(0), x.get(1) + y.get(1))));
            return m;
        }));
    }

    @Test
    void theContextUnionsAnyNumberOfStreamsInListOrder() {
        List<List<Integer>> other = NUMBERS.stream().map(b -> b.stream().map(n -> n + 1000).toList()).toList();
        Map<Long, List<Integer>> out = StreamHarness.run(NUMBERS, other, 0, 2, 3,
                (a, b) -> a.context().union(List.of(a, b, a.map(n -> -n))));
        Map<Long, List<Integer>> expected = new TreeMap<>();
        for (int i = 0; i < BATCHES; i++) {
            List<Integer> all = new ArrayList<>(NUMBERS.get(i));
            all.addAll(other.get(i));
            NUMBERS.get(i).forEach(n -> all.add(-n));
            expected.put(i + 1L, all);
        }
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void flatMapValuesKeepsTheKey() {
        Map<Long, List<KeyValue<String, Integer>>> out = StreamHarness.run(PAIRS, 0, 2, 2,
                d -> PairDStream.of(d).flatMapValues(v -> v < 0 ? List.of() : List.of(v, v * 10)));
        assertThat(out).isEqualTo(perBatch(b -> {
            List<KeyValue<String, Integer>> e = new ArrayList<>();
            b.forEach(kv -> {
                if (kv.value() >= 0) {
                    e.add(kv);
                    e.add(KeyValue.of(kv.key(), kv.value() * 10));
                }
            });
            return e;
        }));
    }

    @Test
    void transformSeesWholeBatchesAndTransformWithBothStreamsOfTheSameBatch() {
        Map<Long, List<String>> sorted = StreamHarness.run(NUMBERS, 0, 3, 4,
                d -> d.transform((batch, all) -> all.stream().sorted().map(n -> batch.id() + ":" + n).toList()));
        assertThat(sorted).isEqualTo(perBatch(b -> b.stream().map(KeyValue::value).sorted()
                .map(n -> "?:" + n).toList()).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(s -> e.getKey() + s.substring(1)).toList(), (a, b) -> a,
                        TreeMap::new)));

        List<List<Integer>> other = keyedBatches(18, BATCHES).stream()
                .map(b -> b.stream().map(KeyValue::value).toList()).toList();
        Map<Long, List<Integer>> missing = StreamHarness.run(NUMBERS, other, 0, 3, 4,
                (a, b) -> a.transformWith(b, (batch, mine, theirs) -> mine.stream()
                        .filter(n -> !theirs.contains(n)).toList()));
        Map<Long, List<Integer>> expected = new TreeMap<>();
        for (int i = 0; i < BATCHES; i++) {
            List<Integer> theirs = other.get(i);
            expected.put(i + 1L, NUMBERS.get(i).stream().filter(n -> !theirs.contains(n)).toList());
        }
        assertThat(missing).isEqualTo(expected);
    }
}

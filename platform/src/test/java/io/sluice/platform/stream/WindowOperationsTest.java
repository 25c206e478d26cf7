package io.sluice.platform.stream;

import static io.sluice.platform.stream.StreamHarness.asMap;
import static io.sluice.platform.stream.StreamHarness.each;
import static io.sluice.platform.stream.StreamHarness.keyedBatches;
import static io.sluice.platform.stream.StreamHarness.sums;
import static io.sluice.platform.stream.StreamHarness.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every window operation against a plain computation over the input batches: early windows before
 * the window is full, slides of one and several batches (also longer than the window), keys that
 * appear and vanish, empty batches, and windows draining after the input ends.
 */
class WindowOperationsTest {
    private static final int BATCHES = 12;
    private static final int DRAIN = 5;

    private static Duration s(int seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** Batch ids at which a window sliding by {@code slide} has a result. */
    private static List<Long> validIds(int slide) {
        List<Long> ids = new ArrayList<>();
        for (long id = slide; id <= BATCHES + DRAIN; id += slide) {
            ids.add(id);
        }
        return ids;
    }

    private static <R> Map<Long, R> expected(int slide, java.util.function.LongFunction<R> at) {
        Map<Long, R> map = new TreeMap<>();
        validIds(slide).forEach(id -> map.put(id, at.apply(id)));
        return map;
    }

    private static List<List<Integer>> numbers() {
        List<List<Integer>> in = new ArrayList<>();
        for (List<KeyValue<String, Integer>> batch : keyedBatches(11, BATCHES)) {
            in.add(batch.stream().map(KeyValue::value).toList());
        }
        return in;
    }

    @ParameterizedTest(name = "length {0}, slide {1}")
    @CsvSource({"1,1", "3,1", "4,2", "2,3", "6,3"})
    void windowHoldsTheLastBatchesOldestFirst(int length, int slide) {
        List<List<Integer>> in = numbers();
        Map<Long, List<Integer>> out = StreamHarness.run(in, DRAIN, 2, 3, d -> d.window(s(length), s(slide)));
        assertThat(out).isEqualTo(expected(slide, id -> window(in, id, length)));
    }

    @ParameterizedTest(name = "length {0}, slide {1}")
    @CsvSource({"3,1", "4,2", "2,3"})
    void countAndReduceByWindow(int length, int slide) {
        List<List<Integer>> in = numbers();
        Map<Long, List<Long>> counts = StreamHarness.run(in, DRAIN, 2, 3, d -> d.countByWindow(s(length), s(slide)));
        assertThat(counts).isEqualTo(expected(slide, id -> List.of((long) window(in, id, length).size())));

        Map<Long, List<Integer>> sums = StreamHarness.run(in, DRAIN, 2, 3,
                d -> d.reduceByWindow(Integer::sum, s(length), s(slide)));
        assertThat(sums).isEqualTo(expected(slide, id -> {
            List<Integer> w = window(in, id, length);
            return w.isEmpty() ? List.<Integer>of() : List.of(w.stream().mapToInt(Integer::intValue).sum());
        }));

        Map<Long, List<Integer>> incremental = StreamHarness.run(in, DRAIN, 2, 3,
                d -> d.reduceByWindow(Integer::sum, (a, b) -> a - b, s(length), s(slide)));
        boolean[] seen = {false};
        assertThat(incremental).isEqualTo(expected(slide, id -> {
            List<Integer> w = window(in, id, length);
            seen[0] |= !w.isEmpty();
            return seen[0] ? List.of(w.stream().mapToInt(Integer::intValue).sum()) : List.<Integer>of();
        }));
    }

    @ParameterizedTest(name = "length {0}, slide {1}")
    @CsvSource({"3,1", "4,2", "2,3", "5,5"})
    void reduceByKeyAndWindowPlainAndIncrementalAgreeWithTheReference(int length, int slide) {
        List<List<KeyValue<String, Integer>>> in = keyedBatches(5, BATCHES);
        Map<Long, Map<String, Integer>> plain = each(StreamHarness.run(in, DRAIN, 3, 4,
                d -> PairDStream.of(d).reduceByKeyAndWindow(Integer::sum, s(length), s(slide))), StreamHarness::asMap);
        assertThat(plain).isEqualTo(expected(slide, id -> sums(window(in, id, length))));

        // Spark's incremental form keeps keys (at 0) once they were seen, unless filtered out.
        Map<Long, Map<String, Integer>> incremental = each(StreamHarness.run(in, DRAIN, 3, 4,
                d -> PairDStream.of(d).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, s(length), s(slide))),
                StreamHarness::asMap);
        Map<String, Integer> everSeen = new TreeMap<>();
        assertThat(incremental).isEqualTo(expected(slide, id -> {
            window(in, id, length).forEach(kv -> everSeen.putIfAbsent(kv.key(), 0));
            Map<String, Integer> e = new TreeMap<>(everSeen);
            e.replaceAll((k, v) -> 0);
            e.putAll(sums(window(in, id, length)));
            return e;
        }));
    }

    @Test
    void incrementalReduceWithAFilterDropsKeysThatLeftTheWindow() {
        List<List<KeyValue<String, Integer>>> in = new ArrayList<>();
        for (List<KeyValue<String, Integer>> batch : keyedBatches(8, BATCHES)) {
            in.add(batch.stream().map(kv -> KeyValue.of(kv.key(), 1)).toList());
        }
        Map<Long, Map<String, Integer>> out = each(StreamHarness.run(in, DRAIN, 2, 3,
                d -> PairDStream.of(d).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, s(4), s(2), 3,
                        kv -> kv.value() != 0)), StreamHarness::asMap);
        assertThat(out).isEqualTo(expected(2, id -> sums(window(in, id, 4))));
        assertThat(out.get((long) BATCHES + 4)).isEmpty();
    }

    @ParameterizedTest(name = "length {0}, slide {1}")
    @CsvSource({"3,1", "4,2", "2,3"})
    void countByValueAndGroupByKeyAndWindow(int length, int slide) {
        List<List<KeyValue<String, Integer>>> in = keyedBatches(21, BATCHES);
        List<List<String>> words = in.stream().map(b -> b.stream().map(KeyValue::key).toList()).toList();
        Map<Long, Map<String, Long>> counts = each(StreamHarness.run(words, DRAIN, 2, 4,
                d -> d.countByValueAndWindow(s(length), s(slide))), p -> asMap(p));
        assertThat(counts).isEqualTo(expected(slide, id -> window(words, id, length).stream()
                .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()))));

        Map<Long, Map<String, List<Integer>>> groups = each(StreamHarness.run(in, DRAIN, 2, 4,
                d -> PairDStream.of(d).groupByKeyAndWindow(s(length), s(slide))), StreamHarness::asMap);
        assertThat(groups).isEqualTo(expected(slide, id -> window(in, id, length).stream()
                .collect(Collectors.groupingBy(KeyValue::key, TreeMap::new,
                        Collectors.mapping(KeyValue::value, Collectors.toList())))));
    }

    @Test
    void eachBatchJoinsTheRecentPastOfAnotherStream() {
        List<List<KeyValue<String, Integer>>> events = keyedBatches(3, BATCHES);
        List<List<KeyValue<String, Integer>>> other = keyedBatches(4, BATCHES);
        BiFunction<DStream<KeyValue<String, Integer>>, DStream<KeyValue<String, Integer>>, DStream<String>> build =
                (a, b) -> PairDStream.of(a).join(PairDStream.of(b).window(s(3))).map(KeyValue::toString);
        Map<Long, List<String>> out = StreamHarness.run(events, other, 0, 2, 3, build);

        Map<Long, List<String>> expected = new TreeMap<>();
        for (long id = 1; id <= BATCHES; id++) {
            List<String> matches = new ArrayList<>();
            for (KeyValue<String, Integer> e : StreamHarness.batch(events, id)) {
                for (KeyValue<String, Integer> o : window(other, id, 3)) {
                    if (o.key().equals(e.key())) {
                        matches.add(KeyValue.of(e.key(), Joined.of(e.value(), o.value())).toString());
                    }
                }
            }
            expected.put(id, matches.stream().sorted().toList());
        }
        assertThat(each(out, l -> l.stream().sorted().toList())).isEqualTo(expected);
    }

    @Test
    void aRetriedBatchLeavesNoTraceInWindowsOrState() {
        List<List<KeyValue<String, Integer>>> in = keyedBatches(44, BATCHES);
        Map<String, Map<Long, Object>> out = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<Long> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(2).shufflePartitions(3)
                .batchRetries(3, Duration.ZERO))) {
            PairDStream<String, Integer> pairs = PairDStream.of(
                    p.ctx.queueStream("in", new java.util.concurrent.ConcurrentLinkedQueue<>(in)));
            pairs.window(s(3)).foreachBatch((b, e) -> out.computeIfAbsent("window", n -> new TreeMap<>())
                    .put(b.id(), List.copyOf(e)));
            pairs.reduceByKeyAndWindow(Integer::sum, (x, y) -> x - y, s(4), s(2), 3, kv -> kv.value() != 0)
                    .foreachBatch((b, e) -> out.computeIfAbsent("incremental", n -> new TreeMap<>())
                            .put(b.id(), asMap(e)));
            pairs.mapWithState(StateSpec.function(MapWithStateTest.SUM))
                    .foreachBatch((b, e) -> out.computeIfAbsent("mapped", n -> new TreeMap<>())
                            .put(b.id(), e.stream().sorted().toList()));
            pairs.foreachBatch((b, e) -> {
                if (b.id() % 3 == 0 && failedOnce.add(b.id())) {
                    throw new io.sluice.spi.RetriableException("flaky sink on batch " + b.id());
                }
            });
            p.ctx.start();
            List<BatchReport> reports = p.runBatches(BATCHES);
            assertThat(reports).filteredOn(r -> r.attempts() == 2).hasSize(BATCHES / 3);
        }
        assertThat(out.get("window")).isEqualTo(new TreeMap<>(expected(1, id -> (Object) window(in, id, 3))).headMap(
                (long) BATCHES + 1));
        Map<Long, Object> incremental = new TreeMap<>();
        for (long id = 2; id <= BATCHES; id += 2) {
            incremental.put(id, sums(window(in, id, 4)).entrySet().stream().filter(e -> e.getValue() != 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        }
        assertThat(out.get("incremental")).isEqualTo(incremental);
        Map<Long, Object> mapped = new TreeMap<>();
        MapWithStateTest.reference(in, BATCHES, 0).forEach((id, both) -> mapped.put(id, both.get(0)));
        assertThat(out.get("mapped")).isEqualTo(mapped);
    }

    @Test
    void windowDurationsMustBeMultiplesOfTheBatchIntervalAndOfTheParentSlide() {
        try (TestPipeline p = new TestPipeline(1, 1)) {
            DStream<Integer> in = p.ctx.queueStream("in", new java.util.concurrent.ConcurrentLinkedQueue<List<Integer>>());
            assertThatThrownBy(() -> in.window(Duration.ofMillis(2500), s(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("window length 2500ms is not a multiple of the batch interval 1s");
            assertThatThrownBy(() -> in.window(s(4), Duration.ofMillis(1500)))
                    .hasMessage("slide 1500ms is not a multiple of the batch interval 1s");
            DStream<Integer> everyTwo = in.window(s(4), s(2));
            assertThatThrownBy(() -> everyTwo.window(s(3)))
                    .hasMessageStartingWith("window length 3s is not a multiple of the slide 2s of the stream it windows");
            assertThatThrownBy(() -> in.union(everyTwo))
                    .hasMessageContaining("slide differently").hasMessageContaining("every 1s").hasMessageContaining("every 2s");
            assertThat(everyTwo.slideDuration()).isEqualTo(s(2));
        }
    }
}

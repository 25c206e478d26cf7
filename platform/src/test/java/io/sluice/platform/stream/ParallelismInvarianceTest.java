package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** One pipeline using every operation, run with 1 and with 4 worker threads: the outputs must be equal. */
class ParallelismInvarianceTest {

    private static List<List<Integer>> input() {
        Random random = new Random(2024);
        List<List<Integer>> batches = new ArrayList<>();
        for (int size : new int[] {500, 0, 1200, 37, 800, 5}) {
            List<Integer> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(random.nextInt(2000) - 500);
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Every output, as text, per output name, in delivery order. */
    private static Map<String, List<String>> run(int threads) {
        Map<String, List<String>> outputs = new ConcurrentHashMap<>();
        try (TestPipeline p = new TestPipeline(threads, 4)) {
            DStream<Integer> numbers = p.ctx.queueStream("numbers", new ConcurrentLinkedQueue<>(input()), true);
            DStream<Integer> evens = numbers.filter(n -> n % 2 == 0).map(n -> n * 3);
            DStream<Integer> odds = numbers.filter(n -> n % 2 != 0).flatMap(n -> List.of(n, -n));
            DStream<Integer> merged = evens.union(odds).repartition(3);
            merged.foreachBatch((b, e) -> record(outputs, "merged", b, e));

            PairDStream<String, Integer> pairs = merged.mapToPair(n -> KeyValue.of("k" + Math.abs(n) % 17, n));
            pairs.reduceByKey(Integer::sum).foreachBatch((b, e) -> record(outputs, "reduced", b, e));
            pairs.updateStateByKey((List<Integer> values, Optional<Integer> sum) -> {
                int total = sum.orElse(0) + values.stream().mapToInt(Integer::intValue).sum();
                return total > 20_000 ? Optional.empty() : Optional.of(total);
            }).foreachBatch((b, e) -> record(outputs, "state", b, e));

            // Every other operation: per batch, joins, windows and state.
            merged.count().foreachBatch((b, e) -> record(outputs, "count", b, e));
            merged.reduce(Integer::sum).foreachBatch((b, e) -> record(outputs, "reduce", b, e));
            merged.countByValue().foreachBatch((b, e) -> record(outputs, "count-by-value", b, e));
            merged.transform((b, all) -> all.stream().filter(n -> n > 1000).sorted().toList())
                    .foreachBatch((b, e) -> record(outputs, "transform", b, e));
            pairs.groupByKey().foreachBatch((b, e) -> record(outputs, "group-by-key", b, e));
            pairs.combineByKey(v -> (long) v, (c, v) -> c * 31 + v, (x, y) -> x * 17 + y)
                    .foreachBatch((b, e) -> record(outputs, "combine-by-key", b, e));
            PairDStream<String, Integer> others = numbers.mapToPair(n -> KeyValue.of("k" + Math.abs(n) % 23, n));
            pairs.join(others).foreachBatch((b, e) -> record(outputs, "join", b, e));
            pairs.fullOuterJoin(others.window(Duration.ofSeconds(2))).foreachBatch((b, e) -> record(outputs, "full-join", b, e));
            pairs.cogroup(others).foreachBatch((b, e) -> record(outputs, "cogroup", b, e));
            merged.window(Duration.ofSeconds(3), Duration.ofSeconds(2)).foreachBatch((b, e) -> record(outputs, "window", b, e));
            merged.countByWindow(Duration.ofSeconds(3), Duration.ofSeconds(1))
                    .foreachBatch((b, e) -> record(outputs, "count-by-window", b, e));
            pairs.reduceByKeyAndWindow(Integer::sum, Duration.ofSeconds(3), Duration.ofSeconds(2))
                    .foreachBatch((b, e) -> record(outputs, "reduce-by-key-and-window", b, e));
            pairs.reduceByKeyAndWindow(Integer::sum, (x, y) -> x - y, Duration.ofSeconds(4), Duration.ofSeconds(2), 3,
                    kv -> kv.value() != 0).foreachBatch((b, e) -> record(outputs, "incremental-window", b, e));
            merged.countByValueAndWindow(Duration.ofSeconds(2), Duration.ofSeconds(1))
                    .foreachBatch((b, e) -> record(outputs, "count-by-value-and-window", b, e));
            pairs.groupByKeyAndWindow(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .foreachBatch((b, e) -> record(outputs, "group-by-key-and-window", b, e));
            MapWithStateDStream<String, Integer, Integer, String> mapped = pairs.mapWithState(
                    StateSpec.function(MapWithStateTest.SUM).timeout(Duration.ofSeconds(2)));
            mapped.foreachBatch((b, e) -> record(outputs, "map-with-state", b, e));
            mapped.stateSnapshots().foreachBatch((b, e) -> record(outputs, "state-snapshots", b, e));

            RecordStream users = RecordStream.of(numbers.map(n -> Record.builder()
                    .field("user", "u" + Math.floorMod(n, 11)).field("n", (long) n).build()))
                    .keyByField("user")
                    .apply("count", new RecordOperatorsTest.RunningCount(), true,
                            Config.builder(RecordOperatorsTest.SPEC).build());
            users.foreachBatch((b, e) -> record(outputs, "operator", b, e));
            users.to("sink", new Sink() {
                @Override
                public void open(ComponentContext context) {
                }

                @Override
                public void write(BatchInfo batch, int partition, List<Record> records) {
                    record(outputs, "sink-" + batch.id() + "-" + partition, batch, records);
                }

                @Override
                public void close() {
                }
            }, Config.builder(io.sluice.spi.config.ConfigSpec.empty()).build());

            p.ctx.start();
            p.runUntilStopped(10);
        }
        return new TreeMap<>(outputs);
    }

    private static void record(Map<String, List<String>> outputs, String name, BatchInfo batch, List<?> elements) {
        outputs.computeIfAbsent(name, n -> new ArrayList<>()).add(batch.id() + ": " + elements);
    }

    @Test
    void oneAndFourThreadsGiveEqualResults() {
        Map<String, List<String>> single = run(1);
        Map<String, List<String>> four = run(4);

        assertThat(single.keySet()).contains("merged", "reduced", "state", "operator", "sink-1-0", "sink-6-3");
        assertThat(single.get("merged")).hasSize(6);
        assertThat(single.get("state").get(5)).isNotEqualTo("6: []");
        assertThat(single).containsKeys("join", "full-join", "cogroup", "window", "incremental-window",
                "map-with-state", "state-snapshots", "count-by-value-and-window");
        assertThat(single.get("window")).hasSize(3);
        assertThat(single.get("join")).anyMatch(line -> !line.endsWith(": []"));
        assertThat(four).isEqualTo(single);
    }
}

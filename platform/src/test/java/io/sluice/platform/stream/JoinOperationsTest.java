package io.sluice.platform.stream;

import static io.sluice.platform.stream.StreamHarness.batch;
import static io.sluice.platform.stream.StreamHarness.each;
import static io.sluice.platform.stream.StreamHarness.keyedBatches;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Joins and cogroup of two streams in the same batch against a nested-loop reference: keys only on
 * one side, keys on both, several values per key, and batches where one side is empty.
 */
class JoinOperationsTest {
    private static final int BATCHES = 10;
    private static final List<List<KeyValue<String, Integer>>> LEFT = keyedBatches(31, BATCHES);
    private static final List<List<KeyValue<String, Integer>>> RIGHT = keyedBatches(32, BATCHES);

    private static Map<Long, List<String>> run(BiFunction<PairDStream<String, Integer>, PairDStream<String, Integer>,
            DStream<?>> join) {
        return each(StreamHarness.run(LEFT, RIGHT, 0, 3, 4, (a, b) -> join.apply(PairDStream.of(a), PairDStream.of(b))
                .map(Object::toString)), l -> l.stream().sorted().toList());
    }

    /** The nested-loop join of one batch; {@code outer} sides get Optional values. */
    private static List<String> reference(long id, boolean leftOuter, boolean rightOuter) {
        List<KeyValue<String, Integer>> l = batch(LEFT, id);
        List<KeyValue<String, Integer>> r = batch(RIGHT, id);
        List<String> out = new ArrayList<>();
        for (KeyValue<String, Integer> a : l) {
            boolean matched = false;
            for (KeyValue<String, Integer> b : r) {
                if (a.key().equals(b.key())) {
                    matched = true;
                    out.add(KeyValue.of(a.key(), Joined.of(wrap(a.value(), rightOuter), wrap(b.value(), leftOuter)))
                            .toString());
                }
            }
            if (!matched && leftOuter) {
                out.add(KeyValue.of(a.key(), Joined.of(wrap(a.value(), rightOuter), Optional.empty())).toString());
            }
        }
        if (rightOuter) {
            for (KeyValue<String, Integer> b : r) {
                if (l.stream().noneMatch(a -> a.key().equals(b.key()))) {
                    out.add(KeyValue.of(b.key(), Joined.of(Optional.empty(), wrap(b.value(), leftOuter))).toString());
                }
            }
        }
        return out.stream().sorted().toList();
    }

    private static Object wrap(Integer value, boolean optional) {
        return optional ? Optional.of(value) : value;
    }

    private static Map<Long, List<String>> expected(boolean leftOuter, boolean rightOuter) {
        Map<Long, List<String>> map = new TreeMap<>();
        for (long id = 1; id <= BATCHES; id++) {
            map.put(id, reference(id, leftOuter, rightOuter));
        }
        return map;
    }

    @Test
    void innerJoin() {
        Map<Long, List<String>> out = run(PairDStream::join);
        assertThat(out).isEqualTo(expected(false, false));
        assertThat(out.values()).anyMatch(l -> !l.isEmpty());
    }

    @Test
    void leftOuterJoin() {
        assertThat(run(PairDStream::leftOuterJoin)).isEqualTo(expected(true, false));
    }

    @Test
    void rightOuterJoin() {
        assertThat(run(PairDStream::rightOuterJoin)).isEqualTo(expected(false, true));
    }

    @Test
    void fullOuterJoin() {
        assertThat(run(PairDStream::fullOuterJoin)).isEqualTo(expected(true, true));
    }

    @Test
    void cogroupListsEachSidesValuesInArrivalOrder() {
        Map<Long, List<KeyValue<String, CoGrouped<Integer, Integer>>>> out = StreamHarness.run(LEFT, RIGHT, 0, 3, 4,
                (a, b) -> PairDStream.of(a).cogroup(PairDStream.of(b), 5));
        for (long id = 1; id <= BATCHES; id++) {
            Set<String> keys = new LinkedHashSet<>();
            batch(LEFT, id).forEach(kv -> keys.add(kv.key()));
            batch(RIGHT, id).forEach(kv -> keys.add(kv.key()));
            Map<String, CoGrouped<Integer, Integer>> expected = new TreeMap<>();
            for (String k : keys) {
                expected.put(k, new CoGrouped<>(
                        batch(LEFT, id).stream().filter(kv -> kv.key().equals(k)).map(KeyValue::value).toList(),
                        batch(RIGHT, id).stream().filter(kv -> kv.key().equals(k)).map(KeyValue::value).toList()));
            }
            assertThat(StreamHarness.asMap(out.get(id))).as("batch %d", id).isEqualTo(expected);
        }
    }
}

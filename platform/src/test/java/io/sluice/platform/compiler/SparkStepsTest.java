package io.sluice.platform.compiler;

import static io.sluice.platform.compiler.ScriptedRun.batch;
import static io.sluice.platform.compiler.ScriptedRun.every;
import static io.sluice.platform.compiler.ScriptedRun.row;
import static io.sluice.platform.compiler.ScriptedRun.window;
import static io.sluice.platform.compiler.ScriptedRun.withRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flat-map, repartition, count, reduce, group-by-key, cogroup, reduce-by-window,
 * reduce-by-key-and-window (incremental with drop-empty, and plain) and group-by-key-and-window from
 * a pipeline file ({@code spark-steps.yaml}), each sink's output against a plain computation over
 * random scripts with an empty batch, users appearing and vanishing, and empty batches after the
 * scripts end.
 */
class SparkStepsTest {
    private static final int BATCHES = 9;
    private static final int RUN = BATCHES + 4;
    private static final List<List<Record>> EVENTS = events(7);
    private static final List<List<Record>> PAYMENTS = payments(8);
    private static final List<BadRecord> BAD = new CopyOnWriteArrayList<>();
    private static ScriptedComponents out;

    @BeforeAll
    static void run() throws Exception {
        out = ScriptedRun.run("spark-steps.yaml", Map.of("events", EVENTS, "payments", PAYMENTS), RUN, BAD);
    }

    private static List<List<Record>> events(long seed) {
        Random random = new Random(seed);
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Record> batch = new ArrayList<>();
            int size = b == 3 ? 0 : 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                StringBuilder text = new StringBuilder(random.nextBoolean() ? " " : "");
                List<String> tags = new ArrayList<>();
                for (int w = random.nextInt(4); w > 0; w--) {
                    text.append("abc".charAt(random.nextInt(3))).append(random.nextBoolean() ? " " : "  ");
                }
                for (int t = random.nextInt(3); t > 0; t--) {
                    tags.add("t" + random.nextInt(3));
                }
                batch.add(Record.builder().field("user", "u" + random.nextInt(4)).field("amount", (long) random.nextInt(50))
                        .field("text", text.toString()).field("tags", tags).build());
            }
            batches.add(batch);
        }
        return batches;
    }

    private static List<List<Record>> payments(long seed) {
        Random random = new Random(seed);
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Record> batch = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                batch.add(Record.builder().field("user", "u" + random.nextInt(5)).field("amount", (long) random.nextInt(9))
                        .field("method", random.nextBoolean() ? "card" : "cash").build());
            }
            batches.add(batch);
        }
        return batches;
    }

    private static String show(Map<String, Object> fields) {
        return new TreeMap<>(fields).toString();
    }

    private static List<Map<String, Object>> fieldsOf(List<Record> records) {
        return records.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r.fields())).toList();
    }

    /** The records grouped by user, users in order of first appearance. */
    private static Map<String, List<Record>> byUser(List<Record> records) {
        Map<String, List<Record>> groups = new LinkedHashMap<>();
        records.forEach(r -> groups.computeIfAbsent(r.getString("user"), u -> new ArrayList<>()).add(r));
        return groups;
    }

    private static List<String> perUser(List<Record> records, Function<List<Record>, Object[]> fields) {
        List<String> rows = new ArrayList<>();
        byUser(records).forEach((user, rs) -> {
            Object[] f = fields.apply(rs);
            Object[] all = new Object[f.length + 2];
            all[0] = "user";
            all[1] = user;
            System.arraycopy(f, 0, all, 2, f.length);
            rows.add(row(all));
        });
        return rows;
    }

    private static long sum(List<Record> records) {
        return records.stream().mapToLong(r -> r.getLong("amount")).sum();
    }

    @Test
    void noRecordIsBad() {
        assertThat(BAD).isEmpty();
    }

    @Test
    void everyStepGivesTheSameResultsWhateverTheThreadAndPartitionCounts() throws Exception {
        Map<String, List<List<Record>>> scripts = Map.of("events", EVENTS, "payments", PAYMENTS);
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        ScriptedComponents one = ScriptedRun.run("spark-steps.yaml", scripts, RUN, bad, 1, 1);
        ScriptedComponents four = ScriptedRun.run("spark-steps.yaml", scripts, RUN, bad, 4, 7);

        assertThat(one.collected.keySet()).hasSize(13).isEqualTo(out.collected.keySet());
        for (String sink : out.collected.keySet()) {
            assertThat(withRows(one.of(sink))).as(sink + " on 1 thread").isEqualTo(withRows(out.of(sink)));
            assertThat(withRows(four.of(sink))).as(sink + " on 4 threads").isEqualTo(withRows(out.of(sink)));
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void flatMapExplodesAListFieldIntoOneRecordPerElement() {
        assertThat(withRows(out.of("tags"))).isEqualTo(withRows(every(1, RUN, id -> {
            List<String> rows = new ArrayList<>();
            for (Record r : batch(EVENTS, id)) {
                for (Object tag : (List<?>) r.get("tags")) {
                    Map<String, Object> fields = new TreeMap<>(r.fields());
                    fields.put("tag", tag);
                    rows.add(show(fields));
                }
            }
            return rows;
        })));
        assertThat(out.of("tags").values()).anyMatch(rows -> rows.size() > 1);
    }

    @Test
    void flatMapSplitsAStringAndKeepsTheKeyLikeFlatMapValues() {
        assertThat(withRows(out.of("words-per-user"))).isEqualTo(withRows(every(1, RUN, id -> {
            Map<String, Long> words = new TreeMap<>();
            for (Record r : batch(EVENTS, id)) {
                for (String piece : r.getString("text").split(" +")) {
                    if (!piece.isEmpty()) {
                        words.merge(r.getString("user"), 1L, Long::sum);
                    }
                }
            }
            List<String> rows = new ArrayList<>();
            words.forEach((user, n) -> rows.add(row("user", user, "words", n)));
            return rows;
        })));
    }

    @Test
    void repartitionSpreadsEachBatchAndKeepsEveryRecord() {
        assertThat(withRows(out.of("spread"))).isEqualTo(withRows(every(1, RUN,
                id -> batch(EVENTS, id).stream().map(r -> show(r.fields())).toList())));
        assertThat(out.partitions.get("spread")).contains(0, 1).allMatch(p -> p < 5);
    }

    @Test
    void countGivesOneRecordEveryBatchEvenEmptyOnes() {
        assertThat(out.of("counts")).isEqualTo(every(1, RUN,
                id -> List.of(row("count", (long) batch(EVENTS, id).size()))));
    }

    @Test
    void reduceAggregatesEachNonEmptyBatchIntoOneRecordWithoutKey() {
        assertThat(withRows(out.of("totals"))).isEqualTo(withRows(every(1, RUN, id -> {
            List<Record> b = batch(EVENTS, id);
            return b.isEmpty() ? List.of() : List.of(row("total", sum(b), "n", (long) b.size(),
                    "top", b.stream().mapToLong(r -> r.getLong("amount")).max().orElseThrow()));
        })));
    }

    @Test
    void groupByKeyListsEachKeysRecordsInArrivalOrder() {
        assertThat(withRows(out.of("groups"))).isEqualTo(withRows(every(1, RUN,
                id -> perUser(batch(EVENTS, id), rs -> new Object[] {"events", fieldsOf(rs)}))));
    }

    @Test
    void cogroupListsBothSidesRecordsPerKeyOfEither() {
        assertThat(withRows(out.of("cogroups"))).isEqualTo(withRows(every(1, RUN, id -> {
            Map<String, List<Record>> left = byUser(batch(EVENTS, id));
            Map<String, List<Record>> right = byUser(batch(PAYMENTS, id));
            List<String> rows = new ArrayList<>();
            java.util.Set<String> users = new java.util.TreeSet<>(left.keySet());
            users.addAll(right.keySet());
            for (String user : users) {
                rows.add(row("user", user, "records", fieldsOf(left.getOrDefault(user, List.of())),
                        "paid", fieldsOf(right.getOrDefault(user, List.of()))));
            }
            return rows;
        })));
        assertThat(out.of("cogroups").values()).anyMatch(rows -> rows.stream().anyMatch(r -> r.contains("records=[]")))
                .anyMatch(rows -> rows.stream().anyMatch(r -> r.contains("paid=[]")));
    }

    @Test
    void reduceByWindowIsIncrementalForSumsAndCountsAndPlainOtherwise() {
        boolean[] seen = {false};
        assertThat(withRows(out.of("window-totals"))).as("incremental: 0s once the window had data")
                .isEqualTo(withRows(every(1, RUN, id -> {
                    List<Record> w = window(EVENTS, id, 3);
                    seen[0] |= !w.isEmpty();
                    return seen[0] ? List.of(row("total", sum(w), "n", (long) w.size())) : List.of();
                })));
        assertThat(withRows(out.of("window-totals-plain"))).as("plain: nothing for an empty window")
                .isEqualTo(withRows(every(1, RUN, id -> {
                    List<Record> w = window(EVENTS, id, 3);
                    return w.isEmpty() ? List.of() : List.of(row("total", sum(w), "n", (long) w.size()));
                })));
        assertThat(withRows(out.of("window-top"))).isEqualTo(withRows(every(2, RUN, id -> {
            List<Record> w = window(EVENTS, id, 2);
            return w.isEmpty() ? List.of()
                    : List.of(row("top", w.stream().mapToLong(r -> r.getLong("amount")).max().orElseThrow()));
        })));
        assertThat(out.of("window-totals").get((long) RUN)).containsExactly(row("total", 0L, "n", 0L));
    }

    @Test
    void incrementalReduceByKeyAndWindowDroppingEmptyKeysEqualsThePlainForm() {
        Map<Long, List<String>> expected = every(1, RUN, id -> perUser(window(EVENTS, id, 3),
                rs -> new Object[] {"n", (long) rs.size(), "total", sum(rs)}));
        assertThat(withRows(out.of("user-windows-dropping"))).isEqualTo(withRows(expected));
        assertThat(withRows(out.of("user-windows-plain"))).isEqualTo(withRows(expected));
    }

    @Test
    void groupByKeyAndWindowListsEachKeysRecordsOfTheWindowOldestFirst() {
        assertThat(withRows(out.of("user-groups-window"))).isEqualTo(withRows(every(2, RUN,
                id -> perUser(window(EVENTS, id, 2), rs -> new Object[] {"recent", fieldsOf(rs)}))));
    }
}

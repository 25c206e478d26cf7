package io.sluice.platform.compiler;

import static io.sluice.platform.compiler.ScriptedRun.batch;
import static io.sluice.platform.compiler.ScriptedRun.every;
import static io.sluice.platform.compiler.ScriptedRun.row;
import static io.sluice.platform.compiler.ScriptedRun.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The windowed, union, join and map-with-state steps of a pipeline file, compiled and run on a manual clock, each
 * sink's output against a plain computation over the scripts.
 */
class PipelineCompilerTest {
    private static final int BATCHES = 9;
    private static final int RUN = BATCHES + 4;

    private static List<List<Record>> script(long seed, boolean payments) {
        Random random = new Random(seed);
        List<List<Record>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Record> batch = new ArrayList<>();
            int size = b == 3 ? 0 : random.nextInt(6);
            for (int i = 0; i < size; i++) {
                Record.Builder r = Record.builder().field("user", "u" + random.nextInt(4))
                        .field("amount", (long) random.nextInt(50));
                if (payments) {
                    r.field("method", random.nextBoolean() ? "card" : "cash");
                }
                batch.add(r.build());
            }
            batches.add(batch);
        }
        return batches;
    }

    private static final List<List<Record>> CLICKS = script(1, false);
    private static final List<List<Record>> PAYMENTS = script(2, true);

    private static Map<String, Long> countUsers(List<Record> records) {
        Map<String, Long> counts = new TreeMap<>();
        records.forEach(r -> counts.merge(r.getString("user"), 1L, Long::sum));
        return counts;
    }

    @Test
    void windowUnionJoinAndStateStepsMatchAPlainComputation() throws Exception {
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        ScriptedComponents out = ScriptedRun.run("windows-joins.yaml", Map.of("clicks", CLICKS, "payments", PAYMENTS),
                RUN, bad);
        assertThat(bad).isEmpty();

        assertThat(out.of("clicks-per-window")).isEqualTo(every(2, RUN,
                id -> List.of(row("count", (long) window(CLICKS, id, 3).size()))));

        Map<String, long[]> seen = new LinkedHashMap<>();
        assertThat(out.of("user-totals")).as("incremental: sum and count invert").isEqualTo(every(1, RUN, id -> {
            seen.replaceAll((user, nt) -> new long[] {0, 0});
            window(CLICKS, id, 3).forEach(r -> {
                long[] nt = seen.computeIfAbsent(r.getString("user"), u -> new long[2]);
                nt[0]++;
                nt[1] += r.getLong("amount");
            });
            List<String> rows = new ArrayList<>();
            seen.forEach((user, nt) -> rows.add(row("user", user, "n", nt[0], "total", nt[1])));
            return rows;
        }));

        assertThat(out.of("user-top")).as("max has no inverse: recomputed").isEqualTo(every(2, RUN, id -> {
            Map<String, Long> top = new TreeMap<>();
            window(CLICKS, id, 2).forEach(r -> top.merge(r.getString("user"), r.getLong("amount"), Math::max));
            List<String> rows = new ArrayList<>();
            top.forEach((user, max) -> rows.add(row("user", user, "top", max)));
            return rows;
        }));

        assertThat(out.of("user-counts")).isEqualTo(every(1, RUN, id -> {
            List<String> rows = new ArrayList<>();
            countUsers(batch(CLICKS, id)).forEach((u, n) -> rows.add(row("user", u, "count", n)));
            return rows;
        }));

        assertThat(out.of("user-counts-window")).isEqualTo(every(1, RUN, id -> {
            List<String> rows = new ArrayList<>();
            countUsers(window(CLICKS, id, 2)).forEach((u, n) -> rows.add(row("user", u, "count", n)));
            return rows;
        }));

        // A source without input has no partitions in that batch, so the sink is not called for it.
        Map<Long, List<String>> union = every(1, RUN, id -> {
            List<String> rows = new ArrayList<>();
            batch(CLICKS, id).forEach(r -> rows.add(ScriptedComponents.show(r)));
            batch(PAYMENTS, id).forEach(r -> rows.add(ScriptedComponents.show(r)));
            return rows;
        });
        union.keySet().removeIf(id -> id > BATCHES);
        assertThat(out.of("everything")).isEqualTo(union);

        assertThat(out.of("clicks-with-payments")).isEqualTo(every(1, RUN, id -> {
            List<String> rows = new ArrayList<>();
            for (Record click : batch(CLICKS, id)) {
                String user = click.getString("user");
                List<Record> matches = window(PAYMENTS, id, 2).stream()
                        .filter(p -> p.getString("user").equals(user)).toList();
                if (matches.isEmpty()) {
                    rows.add(row("user", user, "amount", click.getLong("amount")));
                }
                for (Record p : matches) {
                    rows.add(row("user", user, "amount", click.getLong("amount"),
                            "recent-payments_amount", p.getLong("amount"), "method", p.getString("method")));
                }
            }
            return rows;
        }));
        Map<String, long[]> sessions = new LinkedHashMap<>();   // user -> n, total, last active batch
        assertThat(out.of("user-sessions")).isEqualTo(every(1, RUN, id -> {
            List<String> rows = new ArrayList<>();
            for (Record click : batch(CLICKS, id)) {
                long[] s = sessions.computeIfAbsent(click.getString("user"), u -> new long[3]);
                s[0]++;
                s[1] += click.getLong("amount");
                s[2] = id;
                rows.add(row("user", click.getString("user"), "n", s[0], "total", s[1], "expired", false));
            }
            sessions.entrySet().removeIf(e -> {
                long[] s = e.getValue();
                boolean expired = s[2] < id - 2;
                if (expired) {
                    rows.add(row("user", e.getKey(), "n", s[0], "total", s[1], "expired", true));
                }
                return expired;
            });
            return rows;
        }));
        assertThat(out.of("user-sessions").values()).anyMatch(rows -> rows.stream().anyMatch(r -> r.contains("expired=true")));
        assertThat(new TreeSet<>(out.collected.keySet())).hasSize(8);
    }
}

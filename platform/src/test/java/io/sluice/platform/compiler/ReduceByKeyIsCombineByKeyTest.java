package io.sluice.platform.compiler;

import static io.sluice.platform.compiler.ScriptedRun.batch;
import static io.sluice.platform.compiler.ScriptedRun.every;
import static io.sluice.platform.compiler.ScriptedRun.row;
import static io.sluice.platform.compiler.ScriptedRun.withRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.engine.CombineByKeyNode;
import io.sluice.platform.engine.Node;
import io.sluice.platform.engine.ReduceByKeyNode;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code reduce-by-key} is Spark's combineByKey: it compiles to one combine-by-key node (map-side
 * accumulators per key and partition, merged after the shuffle) and no reduce-by-key node, and its
 * result does not depend on how a batch is split into partitions.
 */
class ReduceByKeyIsCombineByKeyTest {
    private static final String FILE = "combine-by-key.yaml";

    @Test
    void compilesToOneCombineByKeyNode() throws Exception {
        ScriptedComponents components = new ScriptedComponents(Map.of("events", List.of()));
        List<Node<?>> nodes = CompiledGraph.nodes(ComponentRegistry.of(components.source(), components.sink()),
                ScriptedRun.read(FILE));

        assertThat(nodes).filteredOn(n -> n instanceof CombineByKeyNode).hasSize(1);
        assertThat(nodes).noneMatch(n -> n instanceof ReduceByKeyNode);
    }

    /** The batch in the order repartition leaves it: element i goes to partition i % n, partitions in order. */
    private static List<Record> repartitioned(List<Record> batch, int partitions) {
        List<Record> out = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (int i = p; i < batch.size(); i += partitions) {
                out.add(batch.get(i));
            }
        }
        return out;
    }

    @Test
    void aggregatesAcrossPartitionsInTheirOrder() throws Exception {
        List<List<Record>> events = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<Record> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                batch.add(Record.builder().field("user", "u" + (i * 7 + b) % 5).field("amount", (long) (i * 13 % 17)).build());
            }
            events.add(batch);
        }
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        ScriptedComponents out = ScriptedRun.run(FILE, Map.of("events", events), 3, bad);

        assertThat(bad).isEmpty();
        assertThat(out.of("out")).isEqualTo(withRows(every(1, 3, id -> {
            Map<String, long[]> perUser = new TreeMap<>();   // total, n, first, last
            for (Record r : repartitioned(batch(events, id), 4)) {
                long amount = r.getLong("amount");
                long[] acc = perUser.computeIfAbsent(r.getString("user"), u -> new long[] {0, 0, amount, 0});
                acc[0] += amount;
                acc[1]++;
                acc[3] = amount;
            }
            List<String> rows = new ArrayList<>();
            perUser.forEach((user, acc) -> rows.add(row("user", user, "total", acc[0], "n", acc[1], "first", acc[2],
                    "last", acc[3])));
            return rows;
        })));
    }
}

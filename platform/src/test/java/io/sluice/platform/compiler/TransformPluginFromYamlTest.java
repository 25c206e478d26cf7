package io.sluice.platform.compiler;

import static io.sluice.platform.compiler.ScriptedRun.every;
import static io.sluice.platform.compiler.ScriptedRun.row;
import static io.sluice.platform.compiler.ScriptedRun.withRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.plugin.ComponentKind;
import io.sluice.platform.plugin.PluginHost;
import io.sluice.platform.plugin.TestPlugins;
import io.sluice.platform.stream.BadRecord;
import io.sluice.spi.Record;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch transform from a real plugin zip (its own class loader, found by pf4j) runs as a pipeline
 * step: every call into it has the plugin's class loader as context class loader (the plugin
 * checks, and fails the batch if not), and its output is each whole batch transformed.
 */
class TransformPluginFromYamlTest {
    private static final String FACTORY = """
            package test.rank;
            import io.sluice.spi.*;
            import io.sluice.spi.Record;
            import io.sluice.spi.config.*;
            import io.sluice.spi.operator.*;
            import java.util.*;
            @org.pf4j.Extension
            public final class RankReversedFactory implements BatchTransformFactory {
                static final ConfigKey<String> FIELD = ConfigKey.string("field").description("Where the rank goes.")
                        .required().build();
                static void check(String where) {
                    if (Thread.currentThread().getContextClassLoader() != RankReversedFactory.class.getClassLoader()) {
                        throw new IllegalStateException("context class loader is not the plugin's in " + where);
                    }
                }
                public String type() { check("type"); return "rank-reversed"; }
                public String description() { check("description"); return "Each batch reversed, each record ranked."; }
                public ConfigSpec configSpec() { check("configSpec"); return ConfigSpec.of(FIELD); }
                public BatchTransform create(Config config) {
                    check("create");
                    String field = config.get(FIELD);
                    return new BatchTransform() {
                        public void open(ComponentContext context) { check("open"); }
                        public List<Record> transform(BatchInfo batch, List<Record> records) {
                            check("transform");
                            List<Record> out = new ArrayList<>();
                            for (int i = records.size() - 1; i >= 0; i--) {
                                out.add(records.get(i).toBuilder().field(field, (long) out.size()).build());
                            }
                            return out;
                        }
                        public void close() { check("close"); }
                    };
                }
            }
            """;

    @Test
    void aPluginsBatchTransformRunsAsAStepWithItsClassLoader(@TempDir Path work, @TempDir Path plugins,
            @TempDir Path workParent) throws Exception {
        TestPlugins.compile(work, Map.of("test.rank.RankReversedFactory", FACTORY)).plugin("rank")
                .packages("test.rank").buildZip(plugins);
        List<List<Record>> events = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            List<Record> batch = new ArrayList<>();
            for (int i = 0; i < (b == 1 ? 0 : b + 2); i++) {
                batch.add(Record.builder().field("n", (long) (10 * b + i)).build());
            }
            events.add(batch);
        }
        List<BadRecord> bad = new CopyOnWriteArrayList<>();

        ScriptedComponents out;
        try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null)
                .workDirectoryParent(workParent).load()) {
            assertThat(host.registry().types(ComponentKind.TRANSFORM)).containsExactly("rank-reversed");
            out = ScriptedRun.run("ranked.yaml", Map.of("events", events), 5, bad,
                    host.registry().transform("rank-reversed").orElseThrow().factory());
        }

        assertThat(bad).isEmpty();
        assertThat(withRows(out.of("out"))).isEqualTo(withRows(every(1, 5, id -> {
            List<Record> batch = id <= events.size() ? events.get((int) id - 1) : List.of();
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                rows.add(row("n", batch.get(i).get("n"), "rank", (long) (batch.size() - 1 - i)));
            }
            return rows;
        })));
    }
}

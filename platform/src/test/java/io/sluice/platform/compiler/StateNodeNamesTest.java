package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.engine.MapWithStateNode;
import io.sluice.platform.engine.Node;
import io.sluice.platform.engine.UpdateStateNode;
import io.sluice.platform.engine.WindowNode;
import io.sluice.platform.engine.WindowedReduceNode;
import io.sluice.platform.plugin.ComponentRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every node that keeps state across batches is named after its step's path
 * ({@code streams.s.steps[i]}), whatever else the pipeline has, so a checkpoint can give each
 * step its state back after a restart.
 */
class StateNodeNamesTest {
    private static final String PIPELINE = """
            name: names
            batch-interval: 1s
            sources:
              events: {type: scripted, data: events}
            streams:
              totals:
                from: events
                steps:
                  - key-by: user
                  - update-state: {total: "sum(amount)"}
              recent:
                from: events
                steps:
                  - window: 3s
              sums:
                from: events
                steps:
                  - key-by: user
                  - reduce-by-key-and-window: {length: 3s, aggregations: {n: "count()"}}
              tops:
                from: events
                steps:
                  - key-by: user
                  - filter-nothing:
                  - reduce-by-key-and-window: {length: 2s, slide: 2s, aggregations: {top: "max(amount)"}}
              window-sums:
                from: events
                steps:
                  - reduce-by-window: {length: 3s, aggregations: {n: "count()"}}
              window-tops:
                from: events
                steps:
                  - reduce-by-window: {length: 3s, aggregations: {top: "max(amount)"}}
              groups:
                from: events
                steps:
                  - key-by: user
                  - group-by-key-and-window: {length: 2s}
              counts:
                from: events
                steps:
                  - count-by-window: 2s
                  - count-by-value-and-window: {field: count, length: 2s}
              marked:
                from: events
                steps:
                  - key-by: user
                  - keep-state:
              sessions:
                from: events
                steps:
                  - key-by: user
                  - map-with-state: {aggregations: {n: "count()"}, timeout: 5s}
            sinks:
            """;
    private static final List<String> STREAMS = List.of("totals", "recent", "sums", "tops", "window-sums",
            "window-tops", "groups", "counts", "marked", "sessions");

    private static List<Node<?>> nodes(String yaml) throws Exception {
        ScriptedComponents components = new ScriptedComponents(Map.of("events", List.of()));
        return CompiledGraph.nodes(ComponentRegistry.of(components.source(), components.sink(),
                new PassThroughOperatorFactory("filter-nothing"), new PassThroughOperatorFactory("keep-state", true)), yaml);
    }

    private static Map<String, Class<?>> stateNodes(String yaml) throws Exception {
        Map<String, Class<?>> named = new TreeMap<>();
        for (Node<?> node : nodes(yaml)) {
            if (node instanceof WindowNode || node instanceof WindowedReduceNode || node instanceof UpdateStateNode
                    || node instanceof MapWithStateNode) {
                assertThat(named.put(node.name(), node.getClass())).as("unique name " + node.name()).isNull();
            }
        }
        return named;
    }

    private static String withSinks(String yaml, List<String> streams) {
        StringBuilder sinks = new StringBuilder(yaml);
        streams.forEach(s -> sinks.append("  ").append(s).append(": {type: collect, name: ").append(s)
                .append(", from: ").append(s).append("}\n"));
        return sinks.toString();
    }

    @Test
    void eachStateNodeIsNamedAfterItsStep() throws Exception {
        assertThat(stateNodes(withSinks(PIPELINE, STREAMS))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "streams.totals.steps[1]", UpdateStateNode.class,
                "streams.recent.steps[0]", WindowNode.class,
                "streams.sums.steps[1]", WindowedReduceNode.class,
                "streams.tops.steps[2]", WindowNode.class,
                "streams.window-sums.steps[0]", WindowedReduceNode.class,
                "streams.window-tops.steps[0]", WindowNode.class,
                "streams.groups.steps[1]", WindowNode.class,
                "streams.counts.steps[0]", WindowNode.class,
                "streams.counts.steps[1]", WindowedReduceNode.class,
                "streams.sessions.steps[1]", MapWithStateNode.class));
    }

    @Test
    void aKeyedOperatorIsNamedAfterItsStepToo() throws Exception {
        assertThat(nodes(withSinks(PIPELINE, STREAMS))).map(Node::name).contains("streams.marked.steps[1]")
                .doesNotContain("streams.marked");
    }

    @Test
    void namesDoNotDependOnOtherStreamsOrSinks() throws Exception {
        Map<String, Class<?>> all = stateNodes(withSinks(PIPELINE, STREAMS));
        String recent = "  recent:\n    from: events\n    steps:\n      - window: 3s\n";
        assertThat(PIPELINE).contains(recent);
        Map<String, Class<?>> fewer = stateNodes(withSinks(PIPELINE.replace(recent, ""), List.of("totals", "counts")));

        all.remove("streams.recent.steps[0]");
        assertThat(fewer).isEqualTo(all);
    }
}

package io.sluice.platform.compiler;

import io.sluice.platform.engine.Node;
import io.sluice.platform.engine.StreamGraph;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.StreamingContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/** The engine nodes a pipeline file compiles to, for tests of the graph's shape and names. */
final class CompiledGraph {
    private CompiledGraph() {
    }

    /** Every node of the graph {@code yaml} compiles to, in creation order. */
    static List<Node<?>> nodes(ComponentRegistry registry, String yaml) throws Exception {
        StreamingContext ctx = PipelineCompiler.compile(new PipelineLoader(registry, Map.of()).load("graph.yaml", yaml),
                StreamingContext.builder());
        Method graph = StreamingContext.class.getDeclaredMethod("graph"); // package-private: the graph is not API
        graph.setAccessible(true);
        return ((StreamGraph) graph.invoke(ctx)).nodes();
    }
}

package io.sluice.platform.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The nodes, sources and outputs of one streaming context, in creation order. Built by the API
 * (or the YAML compiler) before start; {@link #freeze()} then counts each node's consumers (which
 * decides what is materialized) and the graph never changes again.
 */
public final class StreamGraph {
    private final EngineSettings settings;
    private final List<Node<?>> nodes = new ArrayList<>();
    private final List<SourceNode<?>> sources = new ArrayList<>();
    private final List<Output<?>> outputs = new ArrayList<>();
    private boolean frozen;

    public StreamGraph(EngineSettings settings) {
        this.settings = settings;
    }

    public EngineSettings settings() {
        return settings;
    }

    synchronized int register(Node<?> node) {
        checkBuilding();
        nodes.add(node);
        if (node instanceof SourceNode<?> source) {
            sources.add(source);
        }
        return nodes.size();
    }

    synchronized void addOutput(Output<?> output) {
        checkBuilding();
        outputs.add(output);
    }

    /**
     * Ends building: counts consumers.
     *
     * @throws IllegalStateException if there is no output (nothing would ever be computed)
     */
    public synchronized void freeze() {
        checkBuilding();
        if (outputs.isEmpty()) {
            throw new IllegalStateException("pipeline '" + settings.pipelineName() + "' has no output: add "
                    + "foreachBatch, print or a sink before start()");
        }
        for (Node<?> node : nodes) {
            node.parents().forEach(Node::addConsumer);
        }
        for (Output<?> output : outputs) {
            output.node().addConsumer();
        }
        frozen = true;
    }

    /** @throws IllegalStateException once the context has started */
    public synchronized void checkBuilding() {
        if (frozen) {
            throw new IllegalStateException("streaming context '" + settings.pipelineName()
                    + "' has started: streams and outputs can only be added before start()");
        }
    }

    public synchronized List<Node<?>> nodes() {
        return Collections.unmodifiableList(new ArrayList<>(nodes));
    }

    public synchronized List<SourceNode<?>> sources() {
        return Collections.unmodifiableList(new ArrayList<>(sources));
    }

    public synchronized List<Output<?>> outputs() {
        return Collections.unmodifiableList(new ArrayList<>(outputs));
    }
}

package io.sluice.platform.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private final List<Node<?>> active = new ArrayList<>();
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
     * Ends building: finds the nodes some output depends on and counts their consumers.
     *
     * @throws IllegalStateException if there is no output (nothing would ever be computed)
     */
    public synchronized void freeze() {
        checkBuilding();
        if (outputs.isEmpty()) {
            throw new IllegalStateException("pipeline '" + settings.pipelineName() + "' has no output: add "
                    + "foreachBatch, print or a sink before start()");
        }
        Set<Node<?>> needed = new HashSet<>();
        Deque<Node<?>> todo = new ArrayDeque<>();
        outputs.forEach(o -> todo.add(o.node()));
        while (!todo.isEmpty()) {
            Node<?> node = todo.poll();
            if (needed.add(node)) {
                todo.addAll(node.parents());
            }
        }
        for (Node<?> node : nodes) {
            if (needed.contains(node)) {
                active.add(node);
                node.parents().forEach(Node::addConsumer);
            }
        }
        for (Output<?> output : outputs) {
            output.node().addConsumer();
        }
        frozen = true;
    }

    /** The nodes some output depends on, in creation order (parents first); known once frozen. */
    synchronized List<Node<?>> activeNodes() {
        return List.copyOf(active);
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

package io.sluice.platform.engine;

import io.sluice.spi.ErrorReporter;
import java.util.List;
import java.util.Objects;

/**
 * A stream in the engine's graph (a DStream): for every batch it yields {@link Partitions} of its
 * elements, computed from its parents' partitions of the same batch.
 *
 * <p>Nodes are lazy: a narrow node's partitions wrap its parent's, so a chain of narrow steps is
 * pushed through in one pass per partition. A node is <em>materialized</em> (computed once per batch
 * into a {@link Dataset} and remembered in the {@link BatchRun}) when it is a stage boundary
 * (shuffles) or read by more than one consumer.
 *
 * <p>Built on the caller's thread before the context starts; {@link #partitions} is then called only
 * from the batch-runner thread (it may run partition tasks on the pool), while the {@link Partitions}
 * it returns are pushed from worker threads.
 *
 * @param <T> element type
 */
public abstract class Node<T> {
    private final StreamGraph graph;
    private final int id;
    private final List<Node<?>> parents;
    private final int slideBatches;
    private String name;
    private String stateKey = "";
    private int consumers;
    private ErrorReporter errors;
    /** The largest partition of this node's last materialized dataset: how big the next one's lists start. */
    private int expectedPartitionSize;

    /**
     * Registers the node with {@code graph}.
     *
     * @param kind    what the node does ({@code map}, {@code reduce-by-key}); with the id it is the
     *                default name, e.g. {@code map#3}
     * @param parents the nodes it reads, all of the same graph
     * @throws IllegalArgumentException if a parent belongs to another graph
     * @throws IllegalStateException    if the graph's context has started
     */
    protected Node(StreamGraph graph, String kind, List<? extends Node<?>> parents) {
        this(graph, kind, parents, 0);
    }

    /**
     * Registers a node that computes only every {@code slideBatches} batches (a window); 0 means
     * "as the parents", which must then all slide alike.
     *
     * @throws IllegalArgumentException if parents slide differently (Spark's rule: streams combined
     *                                  in one step must produce their batches at the same times)
     */
    protected Node(StreamGraph graph, String kind, List<? extends Node<?>> parents, int slideBatches) {
        this.graph = Objects.requireNonNull(graph, "graph");
        for (Node<?> p : parents) {
            if (p.graph != graph) {
                throw new IllegalArgumentException("cannot combine streams of different streaming contexts: "
                        + p.name + " belongs to '" + p.graph.settings().pipelineName() + "', not to '"
                        + graph.settings().pipelineName() + "'");
            }
        }
        this.parents = List.copyOf(parents);
        this.slideBatches = slideBatches > 0 ? slideBatches : commonSlide(kind, this.parents);
        this.id = graph.register(this);
        this.name = kind + "#" + id;
    }

    private static int commonSlide(String kind, List<Node<?>> parents) {
        int slide = parents.isEmpty() ? 1 : parents.get(0).slideBatches;
        for (Node<?> p : parents) {
            if (p.slideBatches != slide) {
                Node<?> first = parents.get(0);
                throw new IllegalArgumentException(kind + " combines streams that slide differently: " + first.name
                        + " every " + first.slideDuration() + ", " + p.name + " every " + p.slideDuration()
                        + "; window them to the same slide first");
            }
        }
        return slide;
    }

    /** Every how many batches this node has a result (1, or a window's slide). */
    public int slideBatches() {
        return slideBatches;
    }

    /** The time between this node's results, as text ({@code 2s}). */
    public String slideDuration() {
        return WindowSpan.format(graph.settings().batchInterval().multipliedBy(slideBatches));
    }

    /** Whether the node has a result in batch {@code batchId}: batch ids that are multiples of the slide. */
    public boolean isValidAt(long batchId) {
        return batchId % slideBatches == 0;
    }

    /** This node's partitions in the batch of {@code run}; computed once per batch if materialized. */
    public final Partitions<T> partitions(BatchRun run) {
        if (consumers > 1 || isStageBoundary()) {
            return dataset(run);
        }
        return compute(run);
    }

    /** This node's result in the batch of {@code run}, materialized and remembered for the batch. */
    public final Dataset<T> dataset(BatchRun run) {
        return run.memo(this, () -> {
            Dataset<T> dataset = Dataset.collect(compute(run), run.pool(), expectedPartitionSize);
            expectedPartitionSize = dataset.largestPartition();
            return dataset;
        });
    }

    /**
     * Called every batch (valid for this node or not) on every node an output depends on, parents
     * before children, before any output runs: nodes that keep history across batches (windows)
     * or must see every batch of theirs (incremental window state) compute here, so that batches
     * no output needs still reach them. Runner thread; by default nothing.
     */
    protected void advance(BatchRun run) {
    }

    /** Computes this node's partitions for the batch of {@code run} (runner thread). */
    protected abstract Partitions<T> compute(BatchRun run);

    /** Whether the node computes eagerly (a shuffle): its result is always kept for the batch. */
    protected boolean isStageBoundary() {
        return false;
    }

    /**
     * What this node keeps across batches, for checkpoints; {@code null} (the default) for nodes
     * whose result depends on the current batch only.
     */
    public NodeState state() {
        return null;
    }

    /** Called once at start, before any batch, in creation order; components open here. */
    public void open(ComponentEnvironment environment) {
        this.errors = environment.errors(name);
    }

    /** Called once at stop, in reverse creation order, if {@link #open} was called. */
    public void close() {
    }

    /** The reporter for this node's bad records (after {@link #open}). */
    protected ErrorReporter errors() {
        return errors;
    }

    public StreamGraph graph() {
        return graph;
    }

    public int id() {
        return id;
    }

    public List<Node<?>> parents() {
        return parents;
    }

    /** How many nodes and outputs read this node (known once the graph is frozen). */
    public int consumers() {
        return consumers;
    }

    void addConsumer() {
        consumers++;
    }

    public String name() {
        return name;
    }

    /**
     * What this node's state is keyed by, as the program says ({@code "bus"}), or empty. A checkpoint
     * keeps it with the state, and a restart refuses state keyed by something else.
     */
    public String stateKey() {
        return stateKey;
    }

    /** Says what the node's state is keyed by; only before the context starts. */
    public void describeStateKey(String key) {
        graph.checkBuilding();
        this.stateKey = java.util.Objects.requireNonNull(key, "key");
    }

    /** Names the node (logs, metrics, error reports); only before the context starts. */
    public void rename(String newName) {
        graph.checkBuilding();
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a stream name must not be blank");
        }
        this.name = newName;
    }

    @Override
    public String toString() {
        return name;
    }
}

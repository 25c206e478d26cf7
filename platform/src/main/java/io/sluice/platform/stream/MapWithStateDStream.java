package io.sluice.platform.stream;

import io.sluice.platform.engine.MapWithStateNode;
import io.sluice.platform.engine.NarrowNode;
import io.sluice.platform.engine.Steps;

/**
 * The result of {@link PairDStream#mapWithState}: the values the mapping function returned, per
 * batch; and, on demand, the state of every key after each batch (Spark's
 * {@code JavaMapWithStateDStream}).
 *
 * <pre>{@code
 * MapWithStateDStream<String, Long, Long, String> sessions = clicks.mapWithState(spec);
 * sessions.print();                      // what the function returned
 * sessions.stateSnapshots().print();     // (user,total) for every user with state
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 * @param <S> state type
 * @param <M> mapped type
 */
public final class MapWithStateDStream<K, V, S, M> extends DStream<M> {
    private final MapWithStateNode<K, V, S, M> stateNode;

    MapWithStateDStream(StreamingContext context, MapWithStateNode<K, V, S, M> stateNode) {
        super(context, new NarrowNode<>("mapped", stateNode, Steps.flatMap(MapWithStateNode.Result::mapped)));
        this.stateNode = stateNode;
    }

    /**
     * Names the stream and its state: a checkpoint keeps the state under {@code name}, so a stable
     * name keeps it matched to this stream after a restart, whatever else the program changes.
     * The mapped values' node is named {@code name + ".mapped"}.
     */
    @Override
    public MapWithStateDStream<K, V, S, M> named(String name) {
        stateNode.rename(name);
        super.named(name + ".mapped");
        return this;
    }

    @Override
    public MapWithStateDStream<K, V, S, M> stateKeyedBy(String key) {
        stateNode.describeStateKey(key);
        return this;
    }

    /**
     * Each batch, every key that has state after the batch with its state (keys that had state
     * before first, then new ones), hash-partitioned like the state. Only before start.
     */
    public PairDStream<K, S> stateSnapshots() {
        stateNode.produceSnapshots();
        return new PairDStream<>(context, new NarrowNode<>("state-snapshots", stateNode,
                Steps.flatMap(MapWithStateNode.Result::snapshot)));
    }
}

/**
 * The micro-batch engine behind {@code io.sluice.platform.stream} — internal, not API.
 *
 * <p><b>Graph.</b> The API builds {@link io.sluice.platform.engine.Node}s in a
 * {@link io.sluice.platform.engine.StreamGraph}: sources
 * ({@link io.sluice.platform.engine.ReplayableSourceNode}, {@link io.sluice.platform.engine.ReceiverSourceNode},
 * {@link io.sluice.platform.engine.QueueSourceNode}), narrow nodes
 * ({@link io.sluice.platform.engine.NarrowNode} with a {@link io.sluice.platform.engine.NarrowStep}: map,
 * filter, flat-map, map-partitions, SPI operators), {@link io.sluice.platform.engine.UnionNode}, and shuffles
 * ({@link io.sluice.platform.engine.ReduceByKeyNode}, {@link io.sluice.platform.engine.UpdateStateNode},
 * {@link io.sluice.platform.engine.HashShuffleNode}, {@link io.sluice.platform.engine.RepartitionNode},
 * {@link io.sluice.platform.engine.CombineByKeyNode}, {@link io.sluice.platform.engine.CoGroupNode} — two
 * parents, one partitioner — {@link io.sluice.platform.engine.MapWithStateNode},
 * {@link io.sluice.platform.engine.TransformNode}). Windows: {@link io.sluice.platform.engine.WindowNode}
 * keeps its parent's last datasets; {@link io.sluice.platform.engine.WindowedReduceNode} keeps a
 * window value per key, updated with the batches entering and leaving.
 * {@link io.sluice.platform.engine.Output}s (foreach-batch, sinks) are what gets computed.
 *
 * <p><b>Execution.</b> {@link io.sluice.platform.engine.EngineRuntime} runs two threads: the cutter
 * cuts batch {@code n} at start + n * interval on the clock (with what receivers stored) and queues
 * it; the runner takes batches in order, plans each source's input once
 * ({@link io.sluice.platform.engine.BatchInput}), then runs the outputs. Each output pulls
 * {@link io.sluice.platform.engine.Partitions} from its node; narrow nodes wrap their parent's
 * partitions, so a chain of narrow steps is one push pass per partition
 * ({@link io.sluice.platform.engine.Pipe}) on the {@link io.sluice.platform.engine.WorkerPool}.
 * Shuffles run the map side fused with the chain before them, bucket by
 * {@link io.sluice.platform.engine.HashPartitioner} and merge buckets in input-partition order, so
 * results do not depend on the thread count. Nodes read twice, and shuffles, are materialized once
 * per batch as immutable {@link io.sluice.platform.engine.Dataset}s in the
 * {@link io.sluice.platform.engine.BatchRun}.
 *
 * <p><b>Slides.</b> Every node has a slide in batches (1, or a window's; a node with several
 * parents requires them to slide alike) and a result only in batches whose id is a multiple of it;
 * outputs run only then. Before the outputs of a batch, every node an output depends on is
 * {@code advance}d (parents first): windows take their parent's dataset into their history there,
 * so batches that no output needs still reach them. History and state change only at commit.
 *
 * <p><b>Durability.</b> With a checkpoint directory, the {@link io.sluice.platform.engine.Checkpointer}
 * appends each batch's planned input to the batch log before the batch runs (splits with the
 * sources' split codecs, receivers' write-ahead-log ranges), marks it complete after its outputs, and
 * every few batches checkpoints each node's {@link io.sluice.platform.engine.NodeState} (keyed state,
 * window contents) and the sources' positions. Receivers store through a
 * {@link io.sluice.platform.engine.ReceiverBuffer} that writes ahead before accepting. At start it
 * recovers: checkpoint, logged batches re-run as {@link io.sluice.platform.engine.Tick}s (completed ones
 * for their state only), then unconsumed write-ahead-log entries. Rate control: a
 * {@link io.sluice.platform.engine.RateController} per source (PID backpressure, maximum rate) sets the
 * {@code maxRecords} passed to planners and the bound of receivers' buffers.
 */
package io.sluice.platform.engine;

package io.sluice.platform.engine;

import io.sluice.platform.durability.batchlog.BatchLog;
import io.sluice.platform.durability.batchlog.FileBatchLog;
import io.sluice.platform.durability.batchlog.LoggedBatch;
import io.sluice.platform.durability.checkpoint.CheckpointStore;
import io.sluice.platform.durability.checkpoint.FileCheckpointStore;
import io.sluice.platform.durability.checkpoint.StoredCheckpoint;
import io.sluice.platform.durability.codec.BinaryInput;
import io.sluice.platform.durability.codec.RecordBlockCodec;
import io.sluice.platform.durability.wal.Durability;
import io.sluice.platform.durability.wal.FileWriteAheadLog;
import io.sluice.platform.durability.wal.WalOptions;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a context's work survive a crash (DESIGN §5): logs each batch's input before it is
 * computed and marks it complete after its outputs; writes a checkpoint of every stateful node and
 * source position every few batches; and at start, recovers: last checkpoint, then the batches
 * logged after it (completed ones re-run for their state only, incomplete ones in full), then the
 * receivers' write-ahead-log entries no batch took. Runner thread only, except {@link #open} and
 * {@link #recover}, which run on the starting thread before any engine thread exists.
 *
 * <p>Layout of the directory: {@code batches/} (batch log), {@code checkpoints/},
 * {@code wal/<source>/} (one write-ahead log per receiver).
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final int RETAINED_CHECKPOINTS = 2;

    private final EngineSettings settings;
    private final CheckpointSettings checkpointing;
    private final List<SourceNode<?>> sources;
    private final List<ReceiverSourceNode> receivers = new ArrayList<>();
    private final List<Node<?>> statefulNodes;
    private final BatchLog batchLog;
    private final CheckpointStore checkpoints;
    /** Per checkpoint known to this run, each receiver's first unconsumed log entry. */
    private final TreeMap<Long, Map<ReceiverSourceNode, Long>> logPositions = new TreeMap<>();
    private long lastCheckpoint;
    private long lastCompleted;

    private Checkpointer(EngineSettings settings, CheckpointSettings checkpointing, List<SourceNode<?>> sources,
            List<Node<?>> statefulNodes, BatchLog batchLog, CheckpointStore checkpoints) {
        this.settings = settings;
        this.checkpointing = checkpointing;
        this.sources = sources;
        this.statefulNodes = statefulNodes;
        this.batchLog = batchLog;
        this.checkpoints = checkpoints;
    }

    /** What recovery found: the batches to re-run first, and where new batches continue. */
    record Recovery(List<Tick> replays, long lastBatchId, long lastBatchTimeMillis) {
        boolean resumed() {
            return lastBatchId > 0;
        }
    }

    /**
     * Opens the logs and stores under the context's checkpoint directory and gives every receiver
     * its write-ahead log (after the nodes are open, before anything runs).
     *
     * @throws SluiceException if a source cannot be recovered, two stateful streams share a name,
     *                         or a log cannot be opened
     */
    static Checkpointer open(EngineSettings settings, CheckpointSettings checkpointing, StreamGraph graph) {
        List<Node<?>> stateful = new ArrayList<>();
        Map<String, Node<?>> names = new HashMap<>();
        for (Node<?> node : graph.activeNodes()) {
            if (node.state() == null) {
                continue;
            }
            Node<?> other = names.put(node.name(), node);
            if (other != null) {
                throw new SluiceException("two stateful streams of pipeline '" + settings.pipelineName()
                        + "' are named '" + node.name() + "': name them apart so that a checkpoint can tell "
                        + "their state apart");
            }
            stateful.add(node);
        }
        Path dir = checkpointing.directory();
        BatchLog batchLog = FileBatchLog.open(dir.resolve(CheckpointDirectory.BATCHES));
        CheckpointStore checkpoints = FileCheckpointStore.open(dir.resolve(CheckpointDirectory.CHECKPOINTS),
                RETAINED_CHECKPOINTS);
        Checkpointer checkpointer = new Checkpointer(settings, checkpointing, graph.sources(), List.copyOf(stateful),
                batchLog, checkpoints);
        try {
            for (SourceNode<?> source : graph.sources()) {
                if (source instanceof ReceiverSourceNode receiver) {
                    checkpointer.attachLog(receiver);
                } else if (source.unrecoverableReason() != null) {
                    throw new SluiceException("pipeline '" + settings.pipelineName() + "' has a checkpoint "
                            + "directory, but " + source.unrecoverableReason());
                }
            }
        } catch (RuntimeException e) {
            checkpointer.close();
            throw e;
        }
        return checkpointer;
    }

    private void attachLog(ReceiverSourceNode receiver) {
        if (checkpointing.walDurability() == Durability.OFF) {
            log.warn("{}: write-ahead log is off: what receiver '{}' accepted but no batch finished is lost in a "
                    + "crash", settings.pipelineName(), receiver.name());
            return;
        }
        Path dir = checkpointing.directory().resolve(CheckpointDirectory.WAL).resolve(receiver.name());
        WalOptions options = WalOptions.defaults()
                .withDurability(checkpointing.walDurability())
                .withSkipCorrupt(checkpointing.skipCorruptWal());
        ReceiverLog receiverLog = new ReceiverLog(FileWriteAheadLog.open(dir, options),
                new RecordBlockCodec(checkpointing.values()));
        receiver.useLog(receiverLog, settings.receiverMaxPendingRecords());
        receivers.add(receiver);
    }

    /**
     * Restores the last checkpoint and reads the batch log after it.
     *
     * @throws SluiceException if the checkpoint holds state the pipeline no longer has (a stateful
     *                         step removed, renamed or changed in kind): the edit is incompatible
     */
    Recovery recover() {
        long lastId = 0;
        long lastTime = 0;
        Optional<StoredCheckpoint> stored = checkpoints.latest();
        if (stored.isPresent()) {
            StoredCheckpoint checkpoint = stored.get();
            CheckpointFormat.Content content = CheckpointFormat.read(checkpoint.data(), checkpoint.file().toString());
            restore(content, checkpoint.file().toString());
            lastId = content.batchId();
            lastTime = content.timeMillis();
            lastCheckpoint = lastId;
            logPositions.put(lastId, currentLogPositions());
            log.info("{}: restored checkpoint {} (after batch {})", settings.pipelineName(), checkpoint.file(), lastId);
        }
        List<Tick> replays = new ArrayList<>();
        int complete = 0;
        for (LoggedBatch logged : batchLog.recover()) {
            if (logged.batchId() <= lastId) {
                continue;
            }
            List<String> dropped = new ArrayList<>();
            BatchDescriptions.Described described = BatchDescriptions.read(logged.batchId(), logged.description(),
                    sources, dropped);
            if (!dropped.isEmpty()) {
                log.warn("{}: batch {} read from sources {} that the pipeline no longer has; their input of that "
                        + "batch is dropped", settings.pipelineName(), logged.batchId(), dropped);
            }
            replays.add(Tick.replay(logged.batchId(), described.timeMillis(), described.input(), !logged.completed()));
            complete += logged.completed() ? 1 : 0;
            lastId = logged.batchId();
            lastTime = described.timeMillis();
        }
        if (!replays.isEmpty()) {
            log.info("{}: re-running {} logged batches ({} complete, re-run for their state only; {} incomplete)",
                    settings.pipelineName(), replays.size(), complete, replays.size() - complete);
        }
        lastCompleted = lastId;
        for (SourceNode<?> source : sources) {
            if (source.unrecoverableReason() == null) {
                source.resume();
            }
        }
        return new Recovery(List.copyOf(replays), lastId, lastTime);
    }

    private void restore(CheckpointFormat.Content content, String file) {
        Map<String, Node<?>> byName = new LinkedHashMap<>();
        statefulNodes.forEach(n -> byName.put(n.name(), n));
        content.nodes().forEach((name, section) -> {
            Node<?> node = byName.get(name);
            if (node == null) {
                throw new SluiceException("checkpoint " + file + " (after batch " + content.batchId() + ") holds the "
                        + section.kind() + " state of '" + name + "', which pipeline '" + settings.pipelineName()
                        + "' no longer has: removing or renaming a stateful step is incompatible with the checkpoint."
                        + " Restore the step, or start over with an empty checkpoint directory");
            }
            String kind = identity(node);
            if (!kind.equals(section.kind())) {
                throw new SluiceException("checkpoint " + file + " holds " + section.kind() + " state for '" + name
                        + "', which is now " + kind + ": the edit is incompatible with the checkpoint."
                        + " Restore the step, or start over with an empty checkpoint directory");
            }
        });
        for (Node<?> node : statefulNodes) {
            CheckpointFormat.Section section = content.nodes().get(node.name());
            if (section == null) {
                log.info("{}: '{}' is new since the checkpoint; its state starts empty", settings.pipelineName(),
                        node.name());
                continue;
            }
            try {
                node.state().read(new BinaryInput(section.state()), checkpointing.values());
            } catch (IOException | RuntimeException e) {
                throw new SluiceException("checkpoint " + file + ": the state of '" + node.name()
                        + "' cannot be read: " + e.getMessage(), e);
            }
        }
        for (SourceNode<?> source : sources) {
            byte[] position = content.sources().get(source.name());
            if (position == null || source.unrecoverableReason() != null) {
                continue;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(position))) {
                source.readPosition(in);
            } catch (IOException e) {
                throw new SluiceException("checkpoint " + file + ": the position of source '" + source.name()
                        + "' cannot be read: " + e, e);
            }
        }
    }

    /** What a checkpoint records a node's state as: its kind, and what it is keyed by if known. */
    static String identity(Node<?> node) {
        String key = node.stateKey();
        return node.state().kind() + (key.isEmpty() ? "" : " keyed by " + key);
    }

    /** Appends the batch's planned input to the batch log, durably, before it is computed. */
    void logged(BatchInfo batch, BatchInput input, Tick tick) {
        batchLog.append(batch.id(), BatchDescriptions.write(tick.timeMillis(), sources, input, tick));
    }

    /** Marks the batch complete (its outputs are written and its state committed). */
    void completed(BatchInfo batch) {
        batchLog.complete(batch.id());
        lastCompleted = batch.id();
    }

    /** Called after every successful batch: writes a checkpoint when one is due. */
    void afterBatch(BatchInfo batch) {
        lastCompleted = Math.max(lastCompleted, batch.id());
        if (batch.id() - lastCheckpoint >= checkpointing.intervalBatches()) {
            checkpoint(batch.id(), batch.time().toEpochMilli());
        }
    }

    /** Writes a checkpoint after the last completed batch unless there is one already (graceful stop). */
    void checkpointIfBehind(long lastTimeMillis) {
        if (lastCompleted > lastCheckpoint) {
            checkpoint(lastCompleted, lastTimeMillis);
        }
    }

    private void checkpoint(long batchId, long timeMillis) {
        long started = System.nanoTime();
        byte[] data = CheckpointFormat.write(batchId, timeMillis, statefulNodes, recoverableSources(),
                checkpointing.values());
        checkpoints.write(batchId, data);
        lastCheckpoint = batchId;
        logPositions.put(batchId, currentLogPositions());
        OptionalLong oldest = checkpoints.oldestRetained();
        if (oldest.isPresent()) {
            batchLog.deleteUpTo(oldest.getAsLong());
            Map<ReceiverSourceNode, Long> positions = logPositions.get(oldest.getAsLong());
            if (positions != null) {
                positions.forEach((receiver, sequence) -> receiver.log().deleteBefore(sequence));
            }
            logPositions.headMap(oldest.getAsLong()).clear();
        }
        log.debug("{}: checkpoint after batch {}: {} bytes in {} ms", settings.pipelineName(), batchId, data.length,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<SourceNode<?>> recoverableSources() {
        List<SourceNode<?>> recoverable = new ArrayList<>();
        for (SourceNode<?> source : sources) {
            if (source.unrecoverableReason() == null) {
                recoverable.add(source);
            }
        }
        return recoverable;
    }

    private Map<ReceiverSourceNode, Long> currentLogPositions() {
        Map<ReceiverSourceNode, Long> positions = new LinkedHashMap<>();
        receivers.forEach(r -> positions.put(r, r.consumed()));
        return positions;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ReceiverSourceNode receiver : receivers) {
            try {
                receiver.log().close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            batchLog.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            throw failure;
        }
    }
}

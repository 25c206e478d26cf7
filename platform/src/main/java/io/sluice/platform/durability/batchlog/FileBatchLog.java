package io.sluice.platform.durability.batchlog;

import io.sluice.platform.durability.log.LogOptions;
import io.sluice.platform.durability.log.SegmentedLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batch log in a local directory, on a {@link SegmentedLog}: every {@link #append} and
 * {@link #complete} is one entry, forced to disk before the call returns (batches come a few per
 * second, so there is nothing to group). A torn tail left by a crash is cut on open; corruption
 * anywhere else fails the open, since batches must not be silently forgotten.
 *
 * <pre>{@code
 * BatchLog log = FileBatchLog.open(checkpointDir.resolve("batches"));
 * }</pre>
 */
public final class FileBatchLog implements BatchLog {
    /** Small segments, so that {@link #deleteUpTo} frees space within hours rather than weeks. */
    static final long SEGMENT_SIZE = 1 << 20;

    private final SegmentedLog log;
    private final List<LoggedBatch> recovered;
    /** Sequence of each kept batch's logged entry, by batch id. */
    private final TreeMap<Long, Long> sequenceOfBatch = new TreeMap<>();
    private long lastBatchId = Long.MIN_VALUE;

    private FileBatchLog(SegmentedLog log) {
        this.log = log;
        this.recovered = readAll();
    }

    /** Opens (creating if needed) the batch log in {@code dir}. */
    public static FileBatchLog open(Path dir) {
        return open(dir, LogOptions.defaults().withSegmentSize(SEGMENT_SIZE));
    }

    static FileBatchLog open(Path dir, LogOptions options) {
        SegmentedLog log = SegmentedLog.open(dir, options);
        try {
            return new FileBatchLog(log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private List<LoggedBatch> readAll() {
        Map<Long, LoggedBatch> batches = new LinkedHashMap<>();
        log.read(log.firstSequence(), log.nextSequence(), (sequence, bytes) -> {
            BatchLogEntry entry = BatchLogEntry.decode(bytes, sequence, log);
            LoggedBatch logged = batches.get(entry.batchId());
            if (entry.completion()) {
                if (logged != null) { // else its logged entry was deleted with a checkpointed segment
                    batches.put(entry.batchId(), new LoggedBatch(entry.batchId(), logged.description(), true));
                }
            } else {
                batches.put(entry.batchId(), new LoggedBatch(entry.batchId(), entry.description(), false));
                sequenceOfBatch.put(entry.batchId(), sequence);
                lastBatchId = Math.max(lastBatchId, entry.batchId());
            }
        });
        List<LoggedBatch> inOrder = new ArrayList<>(batches.values());
        inOrder.sort((a, b) -> Long.compare(a.batchId(), b.batchId()));
        return List.copyOf(inOrder);
    }

    @Override
    public synchronized void append(long batchId, byte[] description) {
        if (batchId <= lastBatchId) {
            throw new IllegalArgumentException("batch " + batchId + " logged after batch " + lastBatchId
                    + ": batch ids must strictly increase");
        }
        long sequence = log.append(BatchLogEntry.logged(batchId, description));
        log.force();
        sequenceOfBatch.put(batchId, sequence);
        lastBatchId = batchId;
    }

    @Override
    public synchronized void complete(long batchId) {
        if (!sequenceOfBatch.containsKey(batchId)) {
            throw new IllegalArgumentException("batch " + batchId + " is not in the batch log (never logged,"
                    + " or deleted as covered by a checkpoint)");
        }
        log.append(BatchLogEntry.completed(batchId));
        log.force();
    }

    @Override
    public List<LoggedBatch> recover() {
        return recovered;
    }

    @Override
    public synchronized void deleteUpTo(long batchId) {
        Map.Entry<Long, Long> firstKept = sequenceOfBatch.higherEntry(batchId);
        log.deleteBefore(firstKept == null ? log.nextSequence() : firstKept.getValue());
        sequenceOfBatch.headMap(batchId, true).clear();
    }

    /** How many segment files the log has now (for tests and metrics). */
    int segmentCount() {
        return log.segmentCount();
    }

    @Override
    public synchronized void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "batch log " + log;
    }
}

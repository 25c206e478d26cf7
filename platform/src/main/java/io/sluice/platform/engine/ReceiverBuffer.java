package io.sluice.platform.engine;

import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where a receiver's records wait for their batch. {@link #store} accepts records into the pending
 * list; at each batch time the cutter {@link #drain drains} it into the batch; the batch
 * {@link #release releases} them once finished. Records count against the bound from store until
 * release, so {@code store} blocks while the pipeline is behind (backpressure), and throws
 * {@link RetriableException} once the buffer is {@link #close closed} (stopping).
 *
 * <p>In memory only: records accepted but not yet processed are lost on a crash or a non-graceful
 * stop. The write-ahead log of the durability issue will make {@code store} durable.
 */
public final class ReceiverBuffer {
    private final String source;
    private final int maxPending;
    private List<Record> pending = new ArrayList<>();
    private long inFlight;
    private boolean closed;

    public ReceiverBuffer(String source, int maxPending) {
        this.source = source;
        this.maxPending = maxPending;
    }

    /**
     * Accepts {@code records} into the next batch. Blocks while the records accepted and not yet
     * processed would exceed the bound (a single call larger than the bound is accepted once
     * nothing else is outstanding).
     *
     * @throws RetriableException   if the pipeline is stopping: the records were not accepted
     * @throws InterruptedException if interrupted while blocked
     */
    public synchronized void store(List<Record> records) throws InterruptedException {
        for (Record r : records) {
            Objects.requireNonNull(r, "records must not contain null");
        }
        while (!closed && outstanding() > 0 && outstanding() + records.size() > maxPending) {
            wait();
        }
        if (closed) {
            throw new RetriableException("source '" + source + "' is stopping: " + records.size()
                    + " records were not accepted");
        }
        pending.addAll(records);
    }

    /** Takes everything pending, for the batch being cut (cutter thread). */
    public synchronized List<Record> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Record> block = pending;
        pending = new ArrayList<>();
        inFlight += block.size();
        return Collections.unmodifiableList(block);
    }

    /** A batch holding {@code records} of this buffer's records is finished. */
    public synchronized void release(int records) {
        inFlight -= records;
        notifyAll();
    }

    /** Rejects every further {@code store}, and wakes the blocked ones to reject them too. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Records stored and not yet cut into a batch. */
    public synchronized int pending() {
        return pending.size();
    }

    private long outstanding() {
        return pending.size() + inFlight;
    }
}

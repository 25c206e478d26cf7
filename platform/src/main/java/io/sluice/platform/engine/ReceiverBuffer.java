package io.sluice.platform.engine;

import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Where a receiver's records wait for their batch. {@link #store} accepts one call's records as one
 * entry, numbered in order; at each batch time the cutter {@link #drain drains} the entries into the
 * batch; the batch {@link #release releases} them once finished. Records count against the bound
 * from store until release, so {@code store} blocks while the pipeline is behind (backpressure), and
 * throws {@link RetriableException} once the buffer is {@link #close closed} (stopping).
 *
 * <p>With a {@link ReceiverLog} (checkpointing on), each entry is appended to the write-ahead log
 * under the buffer's lock (so entry numbers follow arrival order) and {@code store} returns once it
 * is durable; a batch only takes durable entries, a contiguous range the batch log records. Without
 * one, records accepted but not yet processed are lost on a crash.
 */
public final class ReceiverBuffer {
    private final String source;
    private final int maxPending;
    /** The current bound: {@code maxPending}, or less while the rate controller says so. */
    private long bound;
    private final ReceiverLog log;
    private final Deque<Entry> pending = new ArrayDeque<>();
    private int pendingRecords;
    private long inFlight;
    private long nextSequence;
    private boolean closed;
    private SluiceException failure;

    private final BlockingQueue<PendingAck> acks = new LinkedBlockingQueue<>();
    private Thread acker;

    private record Entry(long sequence, List<Record> records) {
    }

    private record PendingAck(long sequence, CompletableFuture<Void> durable) {
        static final PendingAck END = new PendingAck(-1, null);
    }

    /** A buffer in memory only. */
    public ReceiverBuffer(String source, int maxPending) {
        this(source, maxPending, null, 0);
    }

    /**
     * @param log           the write-ahead log, or {@code null}
     * @param firstSequence the sequence of the first entry this buffer will hold
     */
    ReceiverBuffer(String source, int maxPending, ReceiverLog log, long firstSequence) {
        this.source = source;
        this.maxPending = maxPending;
        this.bound = maxPending;
        this.log = log;
        this.nextSequence = firstSequence;
    }

    /**
     * Accepts {@code records} into the next batch; with a write-ahead log, returns once they are
     * durable. Blocks while the records accepted and not yet processed would exceed the bound (a
     * single call larger than the bound is accepted once nothing else is outstanding).
     *
     * @throws RetriableException   if the pipeline is stopping: the records were not accepted
     * @throws SluiceException      if the write-ahead log failed: the records were not accepted
     * @throws InterruptedException if interrupted while blocked
     */
    public void store(List<Record> records) throws InterruptedException {
        long sequence = accept(records, null);
        if (log != null && sequence >= 0) {
            try {
                log.awaitDurable(sequence);
            } catch (SluiceException e) {
                fail(e);
                throw e;
            }
        }
    }

    /**
     * Accepts {@code records} as {@link #store} does, but returns at once with a stage that
     * completes when they are durable (at once without a write-ahead log). Stages complete in the
     * order their records were accepted, on the buffer's acknowledgement thread.
     */
    public CompletableFuture<Void> storeAsync(List<Record> records) throws InterruptedException {
        if (log == null) {
            accept(records, null);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> durable = new CompletableFuture<>();
        if (accept(records, durable) < 0) {
            durable.complete(null);
        }
        return durable;
    }

    /**
     * Takes the records into the pending entries (and, with a log, the log's queue) under the lock,
     * so entry numbers follow acceptance order; returns the entry's sequence, or -1 for no records.
     */
    private long accept(List<Record> records, CompletableFuture<Void> durable) throws InterruptedException {
        for (Record r : records) {
            Objects.requireNonNull(r, "records must not contain null");
        }
        if (records.isEmpty()) {
            return -1;
        }
        synchronized (this) {
            while (!closed && failure == null && outstanding() > 0 && outstanding() + records.size() > bound) {
                wait();
            }
            if (failure != null) {
                throw new SluiceException("source '" + source + "' cannot accept records: " + failure.getMessage(),
                        failure);
            }
            if (closed) {
                throw new RetriableException("source '" + source + "' is stopping: " + records.size()
                        + " records were not accepted");
            }
            List<Record> copy = List.copyOf(records);
            long sequence;
            if (log == null) {
                sequence = nextSequence;
            } else {
                try {
                    sequence = log.append(copy);
                } catch (SluiceException e) {
                    failure = e;
                    notifyAll();
                    throw e;
                }
                if (durable != null) {
                    acknowledgements().add(new PendingAck(sequence, durable));
                }
            }
            nextSequence = sequence + 1;
            pending.addLast(new Entry(sequence, copy));
            pendingRecords += copy.size();
            return sequence;
        }
    }

    /** The queue the acknowledgement thread completes stages from; started on first use (under the lock). */
    private BlockingQueue<PendingAck> acknowledgements() {
        if (acker == null) {
            acker = new Thread(this::completeWhenDurable, "sluice-" + source + "-durable-acks");
            acker.setDaemon(true);
            acker.start();
        }
        return acks;
    }

    /** The acknowledgement thread: completes each stage once its entry is durable, in order. */
    private void completeWhenDurable() {
        try {
            while (true) {
                PendingAck next = acks.take();
                if (next == PendingAck.END) {
                    return;
                }
                try {
                    log.awaitDurable(next.sequence());
                    next.durable().complete(null);
                } catch (SluiceException e) {
                    fail(e);
                    next.durable().completeExceptionally(e);
                }
            }
        } catch (InterruptedException e) {
            RetriableException stopping = new RetriableException("source '" + source + "' stopped before the "
                    + "records were durable");
            for (PendingAck left = acks.poll(); left != null; left = acks.poll()) {
                left.durable().completeExceptionally(stopping);
            }
        }
    }

    /**
     * Stops the acknowledgement thread once it has completed what was accepted (waiting at most
     * {@code timeoutMillis}; what is left then completes exceptionally). Before the log closes.
     */
    void finishAcknowledgements(long timeoutMillis) throws InterruptedException {
        Thread thread;
        synchronized (this) {
            thread = acker;
        }
        if (thread == null) {
            return;
        }
        acks.add(PendingAck.END);
        thread.join(timeoutMillis);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join();
        }
    }

    /** Puts entries read back from the write-ahead log at restart into the next batch, in order. */
    synchronized void recovered(long sequence, List<Record> records) {
        pending.addLast(new Entry(sequence, List.copyOf(records)));
        pendingRecords += records.size();
        nextSequence = sequence + 1;
    }

    /**
     * Takes every durable entry, in order, for the batch being cut (cutter thread).
     *
     * @throws SluiceException if the write-ahead log failed: the pipeline must stop
     */
    public synchronized ReceivedBlock drain() {
        if (failure != null) {
            throw new SluiceException("source '" + source + "': " + failure.getMessage(), failure);
        }
        long durable = log == null ? Long.MAX_VALUE : log.durableSequence();
        if (pending.isEmpty() || pending.peekFirst().sequence() >= durable) {
            return new ReceivedBlock(List.of(), nextDrained(), nextDrained());
        }
        long from = pending.peekFirst().sequence();
        long to = from;
        List<Record> block = new ArrayList<>(pendingRecords);
        while (!pending.isEmpty() && pending.peekFirst().sequence() < durable) {
            Entry entry = pending.removeFirst();
            block.addAll(entry.records());
            to = entry.sequence() + 1;
        }
        pendingRecords -= block.size();
        inFlight += block.size();
        return new ReceivedBlock(Collections.unmodifiableList(block), from, to);
    }

    /** The sequence the next drained block starts at. */
    private long nextDrained() {
        return pending.isEmpty() ? nextSequence : pending.peekFirst().sequence();
    }

    /** A batch holding {@code records} of this buffer's records is finished. */
    public synchronized void release(int records) {
        inFlight -= records;
        notifyAll();
    }

    /**
     * Lowers (or restores) the bound to what one batch may take, so receivers slow down to the rate
     * the pipeline keeps up with: {@code store} blocks (an MQTT receiver holds its acks, a Flume
     * source answers FAILED) while that many records are outstanding.
     */
    public synchronized void limit(long maxRecordsPerBatch) {
        bound = Math.max(1, Math.min(maxPending, maxRecordsPerBatch));
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
        return pendingRecords;
    }

    private synchronized void fail(SluiceException e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    private long outstanding() {
        return pendingRecords + inFlight;
    }
}

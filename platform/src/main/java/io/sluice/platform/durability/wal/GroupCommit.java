package io.sluice.platform.durability.wal;

import io.sluice.platform.durability.StorageException;
import io.sluice.platform.durability.log.SegmentedLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit over a {@link SegmentedLog}: appenders queue entries under a short lock (which also
 * hands out sequences, so queue order is sequence order); the writer thread ({@link #run}) swaps the
 * whole queue for an empty one, writes it in one go, forces once if {@code force}, then publishes
 * the new durable sequence and wakes every waiter. While it writes and forces, the next group
 * gathers. Appenders block only when {@code maxQueuedBytes} are waiting.
 */
final class GroupCommit implements Runnable {
    private final SegmentedLog log;
    private final boolean force;
    private final long maxQueuedBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final Condition roomFreed = lock.newCondition();
    private final Condition durableAdvanced = lock.newCondition();
    private List<byte[]> queue = new ArrayList<>();
    private List<byte[]> spare = new ArrayList<>();
    private long queuedBytes;
    private volatile long nextSequence;
    private volatile long durableSequence;
    private StorageException failure;
    private boolean closing;
    private boolean stopped;

    GroupCommit(SegmentedLog log, boolean force, long maxQueuedBytes) {
        this.log = log;
        this.force = force;
        this.maxQueuedBytes = maxQueuedBytes;
        this.nextSequence = log.nextSequence();
        this.durableSequence = log.nextSequence();
    }

    long append(byte[] entry) {
        lock.lock();
        try {
            while (queuedBytes > 0 && queuedBytes + entry.length > maxQueuedBytes && failure == null && !closing) {
                roomFreed.awaitUninterruptibly();
            }
            checkAccepting();
            queue.add(entry);
            queuedBytes += entry.length;
            long sequence = nextSequence;
            nextSequence = sequence + 1;
            if (queue.size() == 1) {
                queued.signal();
            }
            return sequence;
        } finally {
            lock.unlock();
        }
    }

    private void checkAccepting() {
        if (failure != null) {
            throw new StorageException("the write-ahead log refuses appends after a failed write: "
                    + failure.getMessage(), failure);
        }
        if (closing) {
            throw new IllegalStateException("the write-ahead " + log + " is closed");
        }
    }

    void awaitDurable(long sequence) throws InterruptedException {
        if (sequence < durableSequence) {
            return;
        }
        lock.lock();
        try {
            if (sequence >= nextSequence) {
                throw new IllegalArgumentException("entry " + sequence + " was never appended: the next sequence is "
                        + nextSequence);
            }
            while (sequence >= durableSequence) {
                if (failure != null) {
                    throw new StorageException("entry " + sequence + " is not durable: " + failure.getMessage(), failure);
                }
                if (stopped) {
                    throw new IllegalStateException("the write-ahead " + log + " closed before entry "
                            + sequence + " was durable");
                }
                durableAdvanced.await();
            }
        } finally {
            lock.unlock();
        }
    }

    long durableSequence() {
        return durableSequence;
    }

    long nextSequence() {
        return nextSequence;
    }

    /** The writer thread: write and force groups until closed and drained, or until a write fails. */
    @Override
    public void run() {
        while (true) {
            List<byte[]> group;
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    queued.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    stopped = true;
                    durableAdvanced.signalAll();
                    return;
                }
                group = queue;
                queue = spare;
                queuedBytes = 0;
                roomFreed.signalAll();
            } finally {
                lock.unlock();
            }
            long durable;
            try {
                log.append(group);
                if (force) {
                    log.force();
                }
                durable = log.nextSequence();
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            group.clear();
            lock.lock();
            try {
                spare = group;
                durableSequence = durable;
                durableAdvanced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void fail(RuntimeException e) {
        lock.lock();
        try {
            failure = e instanceof StorageException s ? s
                    : new StorageException("writing the write-ahead " + log + " failed: " + e, e);
            queue.clear();
            queuedBytes = 0;
            stopped = true;
            durableAdvanced.signalAll();
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting appends; the writer drains what is queued and exits. */
    void close() {
        lock.lock();
        try {
            closing = true;
            queued.signalAll();
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}

package io.sluice.platform.engine;

import io.sluice.platform.stream.EngineClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock's thread: at every batch time (start + n * interval, n from 1) it cuts the next batch,
 * taking what the receivers stored so far, and queues it for the runner. Batch ids count on from
 * {@code firstBatchId} (1, or after the last batch of a recovered run). It never drops a tick: when processing is
 * behind, batches queue and their scheduling delay grows.
 *
 * <p>{@link #finish()} (graceful stop, receivers already stopped) still cuts the batches whose time
 * has come, then one more batch with whatever the receivers had stored, if anything, then queues
 * the end marker. {@link #halt()} just stops.
 */
final class BatchCutter implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BatchCutter.class);

    private final EngineClock clock;
    private final long startMillis;
    private final long firstBatchId;
    private final long intervalMillis;
    private final List<ReceiverSourceNode> receivers;
    private final BlockingQueue<Tick> ticks;
    private volatile boolean finishing;
    private volatile boolean halted;
    private volatile Thread thread;

    BatchCutter(EngineClock clock, long startMillis, long firstBatchId, long intervalMillis,
            List<ReceiverSourceNode> receivers, BlockingQueue<Tick> ticks) {
        this.clock = clock;
        this.startMillis = startMillis;
        this.firstBatchId = firstBatchId;
        this.intervalMillis = intervalMillis;
        this.receivers = receivers;
        this.ticks = ticks;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        long next = 1;
        while (!halted) {
            long due = startMillis + next * intervalMillis;
            if (finishing) {
                if (clock.millis() < due) {
                    break;
                }
            } else {
                try {
                    clock.waitUntil(due);
                } catch (InterruptedException e) {
                    continue;   // woken by finish() or halt(): the loop decides
                }
            }
            if (halted) {
                break;
            }
            try {
                ticks.add(Tick.cut(firstBatchId - 1 + next, due, drainReceivers()));
            } catch (RuntimeException e) {
                ticks.add(Tick.failed(firstBatchId - 1 + next, due, e));
                return;
            }
            next++;
        }
        if (finishing && !halted) {
            long id = firstBatchId - 1 + next;
            long time = startMillis + next * intervalMillis;
            try {
                Map<ReceiverSourceNode, ReceivedBlock> rest = drainReceivers();
                if (rest.values().stream().anyMatch(block -> block.size() > 0)) {
                    log.debug("cutting batch {} with what receivers stored before stopping", id);
                    ticks.add(Tick.cut(id, time, rest));
                }
            } catch (RuntimeException e) {
                ticks.add(Tick.failed(id, time, e));
                return;
            }
            ticks.add(Tick.END);
        }
    }

    private Map<ReceiverSourceNode, ReceivedBlock> drainReceivers() {
        Map<ReceiverSourceNode, ReceivedBlock> blocks = new LinkedHashMap<>();
        for (ReceiverSourceNode receiver : receivers) {
            blocks.put(receiver, receiver.drain());
        }
        return blocks;
    }

    /** Graceful stop: cut a last batch of what receivers stored, then the end marker. */
    void finish() {
        finishing = true;
        wake();
    }

    /** Stops cutting. */
    void halt() {
        halted = true;
        wake();
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}

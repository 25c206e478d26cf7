package io.sluice.platform.engine;

import io.sluice.platform.stream.EngineClock;
import io.sluice.spi.Record;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock's thread: at every batch time (start + n * interval) it cuts batch n, taking what the
 * receivers stored so far, and queues it for the runner. It never drops a tick: when processing is
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
    private final long intervalMillis;
    private final List<ReceiverSourceNode> receivers;
    private final BlockingQueue<Tick> ticks;
    private volatile boolean finishing;
    private volatile boolean halted;
    private volatile Thread thread;

    BatchCutter(EngineClock clock, long startMillis, long intervalMillis, List<ReceiverSourceNode> receivers,
            BlockingQueue<Tick> ticks) {
        this.clock = clock;
        this.startMillis = startMillis;
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
            ticks.add(new Tick(next, due, drainReceivers()));
            next++;
        }
        if (finishing && !halted) {
            Map<ReceiverSourceNode, List<Record>> rest = drainReceivers();
            if (!rest.isEmpty()) {
                log.debug("cutting batch {} with what receivers stored before stopping", next);
                ticks.add(new Tick(next, startMillis + next * intervalMillis, rest));
            }
            ticks.add(Tick.END);
        }
    }

    private Map<ReceiverSourceNode, List<Record>> drainReceivers() {
        Map<ReceiverSourceNode, List<Record>> blocks = new LinkedHashMap<>();
        for (ReceiverSourceNode receiver : receivers) {
            List<Record> block = receiver.drain();
            if (!block.isEmpty()) {
                blocks.put(receiver, block);
            }
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

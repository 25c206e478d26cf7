package io.sluice.platform.engine;

import io.sluice.platform.stream.BatchListener;
import io.sluice.spi.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running streaming context: opens the graph's components, starts receivers, the cutter (clock)
 * thread and the runner thread; stops them gracefully or not; closes everything once, when the
 * runner ends, and records why it ended.
 *
 * <p>Threads: the cutter cuts batches on the clock; the runner plans each batch's input (planners
 * are only ever called from it, one batch at a time, in order), computes outputs on the worker pool,
 * commits sinks and state, calls listeners. Components are opened on the thread calling
 * {@link #start()}, before any engine thread exists.
 */
public final class EngineRuntime {
    private static final Logger log = LoggerFactory.getLogger(EngineRuntime.class);

    private final EngineSettings settings;
    private final StreamGraph graph;
    private final ComponentEnvironment environment;
    private final List<BatchListener> listeners;
    private final Runnable onTerminated;
    private final BlockingQueue<Tick> ticks = new LinkedBlockingQueue<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final List<Node<?>> openedNodes = new ArrayList<>();
    private final List<Output<?>> openedOutputs = new ArrayList<>();
    private final List<ReceiverSourceNode> receivers = new ArrayList<>();
    private WorkerPool pool;
    private Checkpointer checkpointer;
    private BatchCutter cutter;
    private Thread cutterThread;
    private Thread runnerThread;
    private volatile boolean halted;
    private volatile Throwable failure;

    /**
     * @param onTerminated called once on the runner thread when everything is closed, before
     *                     {@link #awaitTermination} returns
     */
    public EngineRuntime(StreamGraph graph, ComponentEnvironment environment, List<BatchListener> listeners,
            Runnable onTerminated) {
        this.settings = graph.settings();
        this.graph = graph;
        this.environment = environment;
        this.listeners = listeners;
        this.onTerminated = onTerminated;
    }

    /**
     * Opens every node and output, starts the receivers, then the threads. If anything fails to open
     * or start, what was opened is closed again and the failure is thrown.
     */
    public synchronized void start() {
        String prefix = "sluice-" + settings.pipelineName();
        pool = new WorkerPool(prefix + "-worker", settings.parallelism(), this);
        try {
            for (Node<?> node : graph.nodes()) {
                node.open(environment);
                openedNodes.add(node);
                if (node instanceof ReceiverSourceNode receiver) {
                    receivers.add(receiver);
                }
            }
            Checkpointer.Recovery recovery = recover();
            ticks.addAll(recovery.replays());
            for (Output<?> output : graph.outputs()) {
                output.open(environment);
                openedOutputs.add(output);
            }
            receivers.forEach(ReceiverSourceNode::startReceiving);
            cutter = newCutter(recovery);
        } catch (RuntimeException | Error e) {
            Throwable closing = closeAll();
            if (closing != null) {
                e.addSuppressed(closing);
            }
            pool.close();
            throw e;
        }
        environment.metrics().gauge("engine.queued_batches", ticks::size);
        BatchProcessor processor = new BatchProcessor(settings, graph, pool, listeners, environment.metrics(),
                () -> halted, checkpointer);
        BatchRunner runner = new BatchRunner(settings.pipelineName(), ticks, processor, () -> halted, this::terminate);
        cutterThread = EngineThreads.newThread(prefix + "-cutter", this, cutter);
        runnerThread = EngineThreads.newThread(prefix + "-runner", this, runner);
        runnerThread.start();
        cutterThread.start();
        log.info("{}: started, batch interval {} ms, parallelism {}, {} shuffle partitions", settings.pipelineName(),
                settings.intervalMillis(), settings.parallelism(), settings.shufflePartitions());
    }

    /** With checkpointing: opens the logs and restores the last run's state; else nothing to recover. */
    private Checkpointer.Recovery recover() {
        if (settings.checkpoint().isEmpty()) {
            return new Checkpointer.Recovery(List.of(), 0, 0);
        }
        checkpointer = Checkpointer.open(settings, settings.checkpoint().get(), graph);
        Checkpointer.Recovery recovery = checkpointer.recover();
        if (recovery.resumed()) {
            log.info("{}: resuming after batch {}", settings.pipelineName(), recovery.lastBatchId());
        }
        return recovery;
    }

    /**
     * The clock's thread: a new run starts its batches one interval from now; a recovered run
     * continues the batch ids, at batch times on the old run's grid (skipping the times it was down).
     */
    private BatchCutter newCutter(Checkpointer.Recovery recovery) {
        long now = settings.clock().millis();
        long interval = settings.intervalMillis();
        long start = now;
        if (recovery.resumed()) {
            long last = recovery.lastBatchTimeMillis();
            start = now <= last ? last : last + (now - last) / interval * interval;
        }
        return new BatchCutter(settings.clock(), start, recovery.lastBatchId() + 1, interval, List.copyOf(receivers),
                ticks);
    }

    /**
     * Stops. Graceful: receivers stop (their stored records go into a last batch), queued batches
     * finish, components close. Not graceful: receivers stop, the runner and workers are
     * interrupted, queued batches and unprocessed receiver records are dropped. Waits for the end
     * unless called from one of this engine's own threads (a listener, a foreach-batch action).
     */
    public void stop(boolean graceful) {
        if (terminated.getCount() == 0) {
            return;
        }
        log.info("{}: stopping {}", settings.pipelineName(), graceful ? "gracefully" : "now");
        if (!graceful) {
            halted = true;
        }
        stopReceivers();
        if (graceful) {
            cutter.finish();
        } else {
            cutter.halt();
            runnerThread.interrupt();
            pool.shutdownNow();
        }
        if (!EngineThreads.isThreadOf(this)) {
            boolean interrupted = false;
            while (terminated.getCount() > 0) {
                try {
                    terminated.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for the end.
     *
     * @throws RuntimeException the failure that stopped the engine, if any
     */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
        throwFailure();
    }

    /**
     * Waits for the end.
     *
     * @return {@code false} if {@code timeoutMillis} passed first
     * @throws RuntimeException the failure that stopped the engine, if any
     */
    public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        if (!terminated.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        throwFailure();
        return true;
    }

    private void throwFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new SluiceException("pipeline '" + settings.pipelineName() + "' failed", t);
        }
    }

    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    /** The runner's last act: stop the cutter, close everything, release waiters. */
    private void terminate(Throwable cause) {
        boolean interrupted = Thread.interrupted();
        cutter.halt();
        stopReceivers();
        try {
            cutterThread.join();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        Throwable closing = closeAll();
        pool.close();
        if (cause != null && closing != null) {
            cause.addSuppressed(closing);
        }
        failure = cause != null ? cause : closing;
        if (failure == null) {
            log.info("{}: stopped", settings.pipelineName());
        } else {
            log.info("{}: stopped with failure: {}", settings.pipelineName(), failure.toString());
        }
        try {
            onTerminated.run();
        } finally {
            terminated.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopReceivers() {
        for (ReceiverSourceNode receiver : receivers) {
            try {
                receiver.stopReceiving();
            } catch (RuntimeException e) {
                log.error("{}: stopping receiver {} failed", settings.pipelineName(), receiver, e);
            }
        }
    }

    /**
     * Closes outputs, then nodes in reverse order, then the logs; returns the first failure (others
     * suppressed).
     */
    private synchronized Throwable closeAll() {
        Throwable first = null;
        List<Runnable> closers = new ArrayList<>();
        openedOutputs.forEach(o -> closers.add(() -> closeOne(o.name(), o::close)));
        for (int i = openedNodes.size() - 1; i >= 0; i--) {
            Node<?> node = openedNodes.get(i);
            closers.add(() -> closeOne(node.name(), node::close));
        }
        Checkpointer logs = checkpointer;
        if (logs != null) {
            closers.add(() -> closeOne("the batch and write-ahead logs", logs::close));
        }
        checkpointer = null;
        openedOutputs.clear();
        openedNodes.clear();
        for (Runnable closer : closers) {
            try {
                closer.run();
            } catch (SluiceException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    private void closeOne(String component, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException | Error e) {
            log.error("{}: closing {} failed", settings.pipelineName(), component, e);
            throw new SluiceException("closing " + component + " failed: " + e, e);
        }
    }
}

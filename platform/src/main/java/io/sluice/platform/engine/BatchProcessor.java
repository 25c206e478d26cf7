package io.sluice.platform.engine;

import io.sluice.platform.stream.BatchFailedException;
import io.sluice.platform.stream.BatchListener;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.EngineClock;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.Metrics;
import io.sluice.spi.SluiceException;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch on the batch-runner thread: plans its input (once), advances the nodes that keep
 * history (windows), computes every output whose stream has a result in this batch (windows slide),
 * commits keyed state, retries per the {@link RetryPolicy}, tells the sources the batch is over and
 * reports it to the listeners.
 */
final class BatchProcessor {
    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private final EngineSettings settings;
    private final StreamGraph graph;
    private final WorkerPool pool;
    private final RetryPolicy retry;
    private final List<BatchListener> listeners;
    private final BooleanSupplier halted;
    private final Metrics.Counter completed;
    private final Metrics.Counter failed;
    private final Metrics.Counter recordsIn;
    private final Metrics.Counter recordsOut;
    private final List<Node<?>> activeNodes;
    private final List<Node<?>> statefulNodes;
    private final Checkpointer checkpointer;
    private long lastBatchTime;

    /** @param checkpointer the batch log and checkpoints, or {@code null} without checkpointing */
    BatchProcessor(EngineSettings settings, StreamGraph graph, WorkerPool pool, List<BatchListener> listeners,
            MetricsRegistry metrics, BooleanSupplier halted, Checkpointer checkpointer) {
        this.settings = settings;
        this.graph = graph;
        this.pool = pool;
        this.retry = new RetryPolicy(settings.maxBatchAttempts(), settings.retryBackoff());
        this.listeners = listeners;
        this.halted = halted;
        this.completed = metrics.counter("engine.batches_completed");
        this.failed = metrics.counter("engine.batches_failed");
        this.recordsIn = metrics.counter("engine.records_in");
        this.recordsOut = metrics.counter("engine.records_out");
        this.activeNodes = graph.activeNodes();
        this.statefulNodes = activeNodes.stream().filter(n -> n.state() != null).toList();
        this.checkpointer = checkpointer;
    }

    /**
     * Runs the batch of {@code tick} to success or final failure.
     *
     * @return whether every source was exhausted after planning it: the last batch
     * @throws BatchFailedException   if it failed for good (already reported to the listeners)
     * @throws EngineStoppedException if the engine was stopped non-gracefully meanwhile
     * @throws InterruptedException   if interrupted during a retry backoff
     */
    boolean process(Tick tick) throws InterruptedException {
        if (tick.failure() != null) {
            throw new SluiceException("pipeline '" + settings.pipelineName() + "' cannot cut batch " + tick.batchId()
                    + ": " + tick.failure().getMessage(), tick.failure());
        }
        EngineClock clock = settings.clock();
        BatchInfo batch = new BatchInfo(tick.batchId(), Instant.ofEpochMilli(tick.timeMillis()), settings.batchInterval());
        long schedulingDelay = Math.max(0, clock.millis() - tick.timeMillis());
        long started = System.nanoTime();
        long startedOnClock = clock.millis();
        List<SourceNode<?>> sources = graph.sources();
        BatchInput input = tick.replayed() ? tick.recorded() : new BatchInput();
        boolean logged = tick.replayed() || checkpointer == null;
        BatchRun run = null;
        Throwable failure;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                input.planRemaining(sources, batch, tick);
                if (!logged) {
                    checkpointer.logged(batch, input, tick);
                    logged = true;
                }
                run = new BatchRun(batch, input, pool);
                for (Node<?> node : activeNodes) {
                    node.advance(run);
                }
                if (tick.writeOutputs()) {
                    runOutputs(run);
                } else {
                    rebuildState(run);
                }
                run.commit();
                failure = null;
                break;
            } catch (Throwable t) {
                if (halted.getAsBoolean()) {
                    throw new EngineStoppedException("stopped during batch " + batch.id());
                }
                failure = t;
                if (!retry.shouldRetry(t, attempts)) {
                    break;
                }
                long backoff = retry.backoffMillis(attempts);
                log.warn("{}: batch {} attempt {} failed, retrying in {} ms: {}", settings.pipelineName(),
                        batch.id(), attempts, backoff, t.toString());
                clock.waitUntil(clock.millis() + backoff);
            }
        }
        boolean last = !tick.replayed() && input.complete(sources) && sources.stream().allMatch(SourceNode::exhausted);
        if (failure == null && checkpointer != null && tick.writeOutputs()) {
            checkpointer.completed(batch);
        }
        failure = finishSources(sources, input, batch, tick, failure);
        if (failure == null && checkpointer != null) {
            lastBatchTime = tick.timeMillis();
            checkpointer.afterBatch(batch);
        }
        if (failure == null && !tick.replayed()) {
            long processingOnClock = clock.millis() - startedOnClock;
            for (SourceNode<?> source : sources) {
                source.batchMeasured(tick.timeMillis(), run.recordsIn(source), processingOnClock, schedulingDelay);
            }
        }
        long processingMillis = (System.nanoTime() - started) / 1_000_000;
        long in = run == null ? 0 : run.recordsIn();
        long out = run == null ? 0 : run.recordsOut();
        BatchReport report = new BatchReport(batch.id(), batch.time(), in, out, processingMillis, schedulingDelay,
                attempts, failure);
        (failure == null ? completed : failed).increment();
        recordsIn.increment(in);
        recordsOut.increment(out);
        log.debug("{}: {}", settings.pipelineName(), report);
        notifyListeners(report);
        if (failure != null) {
            throw new BatchFailedException(batch.id(), attempts, failure);
        }
        return last;
    }

    private void runOutputs(BatchRun run) {
        for (Output<?> output : graph.outputs()) {
            if (output.node().isValidAt(run.batch().id())) {
                output.run(run);
            }
        }
    }

    /** A completed batch re-run at restart: its outputs were written; only the state it built is needed. */
    private void rebuildState(BatchRun run) {
        for (Node<?> node : statefulNodes) {
            if (node.isValidAt(run.batch().id())) {
                node.dataset(run);
            }
        }
    }

    /** The pipeline ends (graceful stop, or every source exhausted): checkpoint what is not yet. */
    void finish() {
        if (checkpointer != null) {
            checkpointer.checkpointIfBehind(lastBatchTime);
        }
    }

    /** Tells every planned source the batch is over; a failure there fails a batch that had succeeded. */
    private Throwable finishSources(List<SourceNode<?>> sources, BatchInput input, BatchInfo batch, Tick tick,
            Throwable failure) {
        Throwable result = failure;
        for (SourceNode<?> source : sources) {
            if (!input.contains(source)) {
                continue;
            }
            try {
                source.batchFinished(batch, tick, failure == null);
            } catch (RuntimeException e) {
                if (result == null) {
                    result = e;
                } else {
                    result.addSuppressed(e);
                }
            }
        }
        return result;
    }

    private void notifyListeners(BatchReport report) {
        for (BatchListener listener : listeners) {
            try {
                listener.onBatchCompleted(report);
            } catch (RuntimeException e) {
                log.error("{}: batch listener {} failed on batch {}", settings.pipelineName(), listener,
                        report.batchId(), e);
            }
        }
    }
}

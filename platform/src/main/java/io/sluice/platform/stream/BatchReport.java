package io.sluice.platform.stream;

import java.time.Instant;

/**
 * What happened to one batch.
 *
 * <pre>{@code
 * if (!report.succeeded()) log.error("batch {} failed", report.batchId(), report.failure());
 * }</pre>
 *
 * @param batchId               the batch id, from 1
 * @param batchTime             the batch time on the engine clock: start + id * interval
 * @param recordsIn             records read from all sources for this batch (last attempt)
 * @param recordsOut            elements delivered to all outputs (sinks, foreach-batch, print)
 * @param processingMillis      wall time spent processing (planning, computing, writing) over
 *                              every attempt, measured with {@link System#nanoTime()}, so it is
 *                              real even when the engine clock is a {@link ManualClock}
 * @param schedulingDelayMillis how late processing started, on the engine clock: start of
 *                              processing minus {@code batchTime}; grows when batches queue
 * @param attempts              how many times the batch was run (more than 1 after retries)
 * @param failure               why the batch failed for good, or {@code null} if it succeeded
 */
public record BatchReport(long batchId, Instant batchTime, long recordsIn, long recordsOut,
        long processingMillis, long schedulingDelayMillis, int attempts, Throwable failure) {

    public boolean succeeded() {
        return failure == null;
    }
}

package io.sluice.platform.stream;

/**
 * Told about every batch once it is finished: succeeded, or failed for good (after retries).
 * Called on the engine's batch-runner thread, in batch order; keep it quick. An exception thrown
 * here is logged and does not affect the pipeline.
 *
 * <pre>{@code
 * StreamingContext.builder()
 *         .listener(r -> System.out.printf("batch %d: %d in, %d out, %d ms%n",
 *                 r.batchId(), r.recordsIn(), r.recordsOut(), r.processingMillis()))
 * }</pre>
 */
@FunctionalInterface
public interface BatchListener {
    void onBatchCompleted(BatchReport report);
}

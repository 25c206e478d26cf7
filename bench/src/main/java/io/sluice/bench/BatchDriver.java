package io.sluice.bench;

import io.sluice.platform.stream.BatchListener;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a context's batches back to back on a {@link ManualClock}: advances the clock one batch
 * interval, waits for the batch's report, and sums the reports' processing times (measured by the
 * engine with {@code System.nanoTime()}, whatever the clock). Register it as the context's listener.
 */
final class BatchDriver implements BatchListener {
    private static final long BATCH_DEADLINE_MINUTES = 10;

    private final ManualClock clock = new ManualClock();
    private final BlockingQueue<BatchReport> reports = new LinkedBlockingQueue<>();

    ManualClock clock() {
        return clock;
    }

    @Override
    public void onBatchCompleted(BatchReport report) {
        reports.add(report);
    }

    /**
     * Starts {@code context}, runs {@code batches} batches of {@code eventsPerBatch} events each and
     * stops it.
     *
     * @return the summed processing time, and the process's CPU time from each batch's clock tick to its report
     * @throws IllegalStateException if a batch failed, took longer than the deadline, or read a
     *                               different number of events
     */
    Times run(StreamingContext context, int batches, long eventsPerBatch) throws InterruptedException {
        context.start();
        long millis = 0;
        long cpu = 0;
        try {
            for (int b = 1; b <= batches; b++) {
                long cpuBefore = ProcessCpu.nanos();
                clock.advance(context.batchInterval());
                BatchReport report = reports.poll(BATCH_DEADLINE_MINUTES, TimeUnit.MINUTES);
                if (report == null) {
                    throw new IllegalStateException("batch " + b + " did not finish within " + BATCH_DEADLINE_MINUTES + " minutes");
                }
                if (!report.succeeded()) {
                    throw new IllegalStateException("batch " + report.batchId() + " failed", report.failure());
                }
                if (report.recordsIn() != eventsPerBatch) {
                    throw new IllegalStateException("batch " + report.batchId() + " read " + report.recordsIn()
                            + " events instead of " + eventsPerBatch);
                }
                cpu += ProcessCpu.nanos() - cpuBefore;
                millis += report.processingMillis();
            }
        } finally {
            context.stop(true);
            if (!context.awaitTermination(Duration.ofMinutes(1))) {
                throw new IllegalStateException("the context did not stop within a minute");
            }
        }
        return new Times(TimeUnit.MILLISECONDS.toNanos(millis), cpu);
    }

    /** What a run took: the engine's processing time and the process's CPU time, in nanoseconds. */
    record Times(long processingNanos, long cpuNanos) {
    }
}

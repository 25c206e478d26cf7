package io.sluice.platform.cli;

import io.sluice.platform.stream.BatchListener;
import io.sluice.platform.stream.BatchReport;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints one line per finished batch, the way operators read a running pipeline:
 * {@code batch 12 time=09:30:12.000 in=20000 out=2013 processing=41ms delay=3ms}.
 */
final class BatchLinePrinter implements BatchListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final PrintStream out;

    BatchLinePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onBatchCompleted(BatchReport report) {
        String line = String.format("batch %d time=%s in=%d out=%d processing=%dms delay=%dms%s",
                report.batchId(), TIME.format(report.batchTime()), report.recordsIn(), report.recordsOut(),
                report.processingMillis(), report.schedulingDelayMillis(),
                report.succeeded() ? "" : " FAILED after " + report.attempts() + " attempts: " + report.failure());
        synchronized (out) {
            out.println(line);
        }
    }
}

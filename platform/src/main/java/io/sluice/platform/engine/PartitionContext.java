package io.sluice.platform.engine;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import java.nio.charset.StandardCharsets;

/** Where a narrow step runs: the batch run, the partition, and the node's error reporter. */
public final class PartitionContext {
    private final BatchRun run;
    private final int partition;
    private final String component;
    private final ErrorReporter errors;

    public PartitionContext(BatchRun run, int partition, String component, ErrorReporter errors) {
        this.run = run;
        this.partition = partition;
        this.component = component;
        this.errors = errors;
    }

    public BatchRun run() {
        return run;
    }

    public BatchInfo batch() {
        return run.batch();
    }

    public int partition() {
        return partition;
    }

    /** Sends an element a step rejected to the error reporter; the partition goes on without it. */
    public void reportBad(Object element, BadRecordException cause) {
        report(errors, component + " partition " + partition, element, cause);
    }

    /** Reports a record as a record, anything else as its {@code toString()} in UTF-8. */
    static void report(ErrorReporter errors, String origin, Object element, BadRecordException cause) {
        if (element instanceof Record record) {
            errors.report(record, cause);
        } else {
            errors.reportRaw(origin, String.valueOf(element).getBytes(StandardCharsets.UTF_8), cause);
        }
    }
}

package io.sluice.connectors.console;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.sink.Sink;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints the first records of each batch, as Spark Streaming's {@code print()} does:
 *
 * <pre>
 * -------------------------------------------
 * Time: 1732390001000 ms (batch 1) sinks.alerts
 * -------------------------------------------
 * bus-0042 -&gt; {occupancy=81, capacity=80}
 * ...
 * </pre>
 *
 * The header names the sink (its component name), so several console sinks in one pipeline can
 * be told apart. Records are printed in partition order, then {@code ...} if the batch had more. A batch is printed
 * at commit, in one piece, so the output of concurrent pipelines does not interleave within a batch.
 * At-least-once: a batch run again after a crash is printed again.
 */
final class ConsoleSink implements Sink {
    static final String RULE = "-------------------------------------------";

    private final int maxRecords;
    private final String formatName;
    private final PrintStream out;
    private final Map<Long, BatchHead> batches = new ConcurrentHashMap<>();
    private RecordFormat format;
    private ErrorReporter errors;
    private String name;

    /**
     * @param formatName a record format to print records in, or {@code null} for {@link Record#toString()}
     * @param out        where to print; {@code System.out} in a pipeline
     */
    ConsoleSink(int maxRecords, String formatName, PrintStream out) {
        this.maxRecords = maxRecords;
        this.formatName = formatName;
        this.out = out;
    }

    @Override
    public void open(ComponentContext context) {
        this.errors = context.errors();
        this.name = context.componentName();
        this.format = formatName == null ? null : context.format(formatName);
    }

    @Override
    public void write(BatchInfo batch, int partition, List<Record> records) {
        batches.computeIfAbsent(batch.id(), id -> new BatchHead(maxRecords)).put(partition, records);
    }

    @Override
    public void commit(BatchInfo batch) {
        BatchHead head = batches.remove(batch.id());
        StringBuilder text = new StringBuilder(256)
                .append(RULE).append('\n')
                .append("Time: ").append(batch.time().toEpochMilli()).append(" ms (batch ").append(batch.id()).append(") ").append(name).append('\n')
                .append(RULE).append('\n');
        if (head != null) {
            for (Record r : head.first()) {
                appendRecord(text, r);
            }
            if (head.hasMore()) {
                text.append("...\n");
            }
        }
        text.append('\n');
        out.print(text);
        out.flush();
    }

    private void appendRecord(StringBuilder text, Record record) {
        if (format == null) {
            text.append(record).append('\n');
            return;
        }
        try {
            text.append(new String(format.encode(record), StandardCharsets.UTF_8)).append('\n');
        } catch (BadRecordException e) {
            errors.report(record, e);
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}

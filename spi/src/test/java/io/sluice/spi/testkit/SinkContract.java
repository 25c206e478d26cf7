package io.sluice.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link Sink} keeps, as tests a connector's test class inherits: each batch's
 * partitions are written, then committed, and become visible with each partition's order kept. A sink
 * that claims exactly-once output also shows nothing of a batch before its commit, and writes a batch
 * that is run again (after a crash, before or after its commit) only once.
 *
 * <p>The subclass supplies a fresh sink, its context, whether it claims exactly-once, and a way to read
 * back what it made visible ({@link #committedOutput()}). Records are compared by their fields (see
 * {@link #comparable(Record)}); the default records have a single {@code text} field, so a sink
 * writing the {@code text} format can be read back with it.
 *
 * <pre>{@code
 * class FileSinkContractTest extends SinkContract {
 *     @TempDir Path dir;
 *     protected Sink createSink() { return new FileSinkFactory().create(config(dir)); }
 *     protected ComponentContext context() { return TestComponentContext.builder().config(config(dir)).build(); }
 *     protected boolean exactlyOnce() { return true; }
 *     protected List<Record> committedOutput() { return readAllFiles(dir); }
 * }
 * }</pre>
 */
public abstract class SinkContract {

    /** A new, unopened sink; every sink a test creates writes to the same destination. */
    protected abstract Sink createSink();

    /** The context sinks are opened with. */
    protected abstract ComponentContext context();

    /** Whether the sink claims exactly-once output: nothing visible before commit, re-runs written once. */
    protected abstract boolean exactlyOnce();

    /** Every record the sink has made visible so far, in output order. */
    protected abstract List<Record> committedOutput();

    /** Partitions per batch the suite writes (the last one is always empty). */
    protected int partitions() {
        return 3;
    }

    /** Records per non-empty partition. */
    protected int recordsPerPartition() {
        return 4;
    }

    /** Record {@code index} of {@code partition} of batch {@code batchId}; distinct for distinct arguments. */
    protected Record record(long batchId, int partition, int index) {
        return Record.builder().field(TextRecordFormat.FIELD, "batch " + batchId + " partition " + partition + " record " + index).build();
    }

    /** What the suite compares of a record: its fields. */
    protected Object comparable(Record record) {
        return record.fields();
    }

    /** Batch {@code id} as the suite writes it. */
    protected final BatchInfo batch(long id) {
        return new BatchInfo(id, TestComponentContext.DEFAULT_TIME.plusSeconds(id), Duration.ofSeconds(1));
    }

    @Test
    void eachCommittedBatchIsVisibleWithPartitionOrderKept() {
        List<List<Record>> written = new ArrayList<>();
        try (Sink sink = createSink()) {
            sink.open(context());
            for (long id = 1; id <= 3; id++) {
                written.addAll(writeBatch(sink, id));
                sink.commit(batch(id));
                assertVisibleExactly(written);
            }
        }
    }

    @Test
    void aBatchWithOnlyEmptyPartitionsCommits() {
        try (Sink sink = createSink()) {
            sink.open(context());
            for (int p = 0; p < partitions(); p++) {
                sink.write(batch(1), p, List.of());
            }
            sink.commit(batch(1));
        }
        assertThat(committedOutput()).isEmpty();
    }

    @Test
    void nothingOfABatchIsVisibleBeforeItsCommit() {
        assumeTrue(exactlyOnce(), "only for sinks that claim exactly-once output");
        try (Sink sink = createSink()) {
            sink.open(context());
            List<List<Record>> first = writeBatch(sink, 1);
            sink.commit(batch(1));
            writeBatch(sink, 2);
            assertVisibleExactly(first);
        }
    }

    @Test
    void aCommittedBatchWrittenAgainIsVisibleOnce() {
        assumeTrue(exactlyOnce(), "only for sinks that claim exactly-once output");
        try (Sink sink = createSink()) {
            sink.open(context());
            List<List<Record>> written = writeBatch(sink, 1);
            sink.commit(batch(1));
            writeBatch(sink, 1);
            sink.commit(batch(1));
            assertVisibleExactly(written);
        }
    }

    @Test
    void aBatchCutOffBeforeItsCommitIsWrittenOnceWhenRunAgain() {
        assumeTrue(exactlyOnce(), "only for sinks that claim exactly-once output");
        List<List<Record>> written = new ArrayList<>();
        try (Sink crashed = createSink()) {
            crashed.open(context());
            written.addAll(writeBatch(crashed, 1));
            crashed.commit(batch(1));
            crashed.write(batch(2), 0, partition(2, 0));   // then the process dies: no commit
        }
        try (Sink restarted = createSink()) {
            restarted.open(context());
            written.addAll(writeBatch(restarted, 2));
            restarted.commit(batch(2));
        }
        assertVisibleExactly(written);
    }

    /** Writes every partition of batch {@code id}, highest partition first, and returns them by partition. */
    protected final List<List<Record>> writeBatch(Sink sink, long id) {
        List<List<Record>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions(); p++) {
            byPartition.add(partition(id, p));
        }
        for (int p = partitions() - 1; p >= 0; p--) {
            sink.write(batch(id), p, byPartition.get(p));
        }
        return byPartition;
    }

    private List<Record> partition(long id, int p) {
        List<Record> records = new ArrayList<>();
        if (p < partitions() - 1) {
            for (int i = 0; i < recordsPerPartition(); i++) {
                records.add(record(id, p, i));
            }
        }
        return records;
    }

    /** The visible output is exactly {@code partitions}' records, each partition in its order. */
    private void assertVisibleExactly(List<List<Record>> partitions) {
        List<Object> visible = committedOutput().stream().map(this::comparable).toList();
        List<Object> expected = new ArrayList<>();
        for (List<Record> p : partitions) {
            p.stream().map(this::comparable).forEach(expected::add);
        }
        assertThat(visible).as("visible output").containsExactlyInAnyOrderElementsOf(expected);
        for (List<Record> p : partitions) {
            List<Object> order = p.stream().map(this::comparable).toList();
            Set<Object> members = Set.copyOf(order);
            assertThat(visible.stream().filter(members::contains).toList()).as("order of one partition").isEqualTo(order);
        }
    }
}

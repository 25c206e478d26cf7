package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.sink.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SinkOutputTest {

    /** Records every call, in order. */
    static final class RecordingSink implements Sink {
        record Write(long batch, int partition, List<String> values, String thread) {
        }

        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<Write> writes = new CopyOnWriteArrayList<>();
        final List<Long> commits = new CopyOnWriteArrayList<>();
        final List<Integer> writesBeforeCommit = new CopyOnWriteArrayList<>();
        volatile ComponentContext context;

        @Override
        public void open(ComponentContext ctx) {
            context = ctx;
            calls.add("open");
        }

        @Override
        public void write(BatchInfo batch, int partition, List<Record> records) {
            writes.add(new Write(batch.id(), partition, records.stream().map(r -> r.getString("v")).toList(),
                    Thread.currentThread().getName()));
        }

        @Override
        public void commit(BatchInfo batch) {
            writesBeforeCommit.add((int) writes.stream().filter(w -> w.batch() == batch.id()).count());
            commits.add(batch.id());
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private static List<Record> values(String... values) {
        List<Record> records = new ArrayList<>();
        for (String v : values) {
            records.add(Record.of(Map.of("v", v)));
        }
        return records;
    }

    @Test
    void everyPartitionOfEveryBatchIsWrittenWithTheBatchIdThenCommitted() {
        RecordingSink sink = new RecordingSink();
        Config config = Config.builder(ConfigSpec.empty()).build();
        List<List<Record>> batches = List.of(values("a", "b", "c", "d", "e", "f"), values("g"), values());
        try (TestPipeline p = new TestPipeline(2, 3)) {
            RecordStream.of(p.ctx.queueStream("in", new ConcurrentLinkedQueue<>(batches)))
                    .filter(r -> !r.getString("v").equals("c"))
                    .to("out", sink, config);
            p.ctx.start();
            List<BatchReport> reports = p.runBatches(3);

            assertThat(sink.context.componentName()).isEqualTo("out");
            assertThat(sink.context.config()).isSameAs(config);
            assertThat(reports).extracting(BatchReport::recordsOut).containsExactly(5L, 1L, 0L);
        }
        assertThat(sink.calls).containsExactly("open", "close");
        assertThat(sink.commits).containsExactly(1L, 2L, 3L);
        assertThat(sink.writesBeforeCommit).containsExactly(3, 3, 3);
        for (long batch = 1; batch <= 3; batch++) {
            long id = batch;
            List<RecordingSink.Write> ofBatch = sink.writes.stream().filter(w -> w.batch() == id)
                    .sorted(java.util.Comparator.comparingInt(RecordingSink.Write::partition)).toList();
            assertThat(ofBatch).extracting(RecordingSink.Write::partition).containsExactly(0, 1, 2);
        }
        assertThat(sink.writes.stream().filter(w -> w.batch() == 1)
                .sorted(java.util.Comparator.comparingInt(RecordingSink.Write::partition))
                .map(RecordingSink.Write::values).toList())
                .containsExactly(List.of("a", "b"), List.of("d"), List.of("e", "f"));
        assertThat(sink.writes.stream().filter(w -> w.batch() == 2)
                .sorted(java.util.Comparator.comparingInt(RecordingSink.Write::partition))
                .map(RecordingSink.Write::values).toList())
                .containsExactly(List.of(), List.of(), List.of("g"));
        assertThat(sink.writes).extracting(RecordingSink.Write::thread).allMatch(t -> t.contains("-worker-"));
    }
}

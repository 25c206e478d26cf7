package io.sluice.connectors.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.testkit.TestComponentContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {
    private static final BatchInfo BATCH_7 = new BatchInfo(7, Instant.ofEpochMilli(1_732_390_007_000L), Duration.ofSeconds(1));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final TestComponentContext context = TestComponentContext.builder().build();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Record> texts(String prefix, int n) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Record.builder().field("text", prefix + i).build());
        }
        return records;
    }

    private ConsoleSink sink(int max, String format) {
        ConsoleSink sink = new ConsoleSink(max, format, out);
        sink.open(context);
        return sink;
    }

    @Test
    void printsTheFirstRecordsInPartitionOrderThenAnEllipsis() {
        try (ConsoleSink sink = sink(3, null)) {
            sink.write(BATCH_7, 1, texts("p1-", 2));
            sink.write(BATCH_7, 0, texts("p0-", 2));
            assertThat(printed()).as("nothing before commit").isEmpty();
            sink.commit(BATCH_7);
        }
        assertThat(printed()).isEqualTo("""
                -------------------------------------------
                Time: 1732390007000 ms (batch 7) test-component
                -------------------------------------------
                {text=p0-0}
                {text=p0-1}
                {text=p1-0}
                ...

                """);
    }

    @Test
    void noEllipsisWhenTheBatchFits() {
        try (ConsoleSink sink = sink(3, null)) {
            sink.write(BATCH_7, 0, texts("a", 3));
            sink.commit(BATCH_7);
        }
        assertThat(printed()).endsWith("{text=a2}\n\n").doesNotContain("...");
    }

    @Test
    void anEmptyBatchPrintsItsHeader() {
        try (ConsoleSink sink = sink(3, null)) {
            sink.write(BATCH_7, 0, List.of());
            sink.commit(BATCH_7);
        }
        assertThat(printed()).isEqualTo(ConsoleSink.RULE + "\nTime: 1732390007000 ms (batch 7) test-component\n" + ConsoleSink.RULE + "\n\n");
    }

    @Test
    void keyedRecordsShowTheirKey() {
        try (ConsoleSink sink = sink(10, null)) {
            sink.write(BATCH_7, 0, List.of(Record.builder().key("bus-0042").field("occupancy", 81L).build()));
            sink.commit(BATCH_7);
        }
        assertThat(printed()).contains("\nbus-0042 -> {occupancy=81}\n");
    }

    @Test
    void aFormatPrintsEncodedRecordsAndReportsThoseItCannotEncode() {
        Record noText = Record.builder().field("n", 1L).build();
        try (ConsoleSink sink = sink(10, "text")) {
            sink.write(BATCH_7, 0, List.of(Record.builder().field("text", "plain line").build(), noText));
            sink.commit(BATCH_7);
        }
        assertThat(printed()).contains("\nplain line\n").doesNotContain("n=1");
        assertThat(context.collectedErrors().records()).singleElement().satisfies(e -> assertThat(e.record()).isEqualTo(noText));
    }

    @Test
    void aPartitionWrittenAgainReplacesItsEarlierWrite() {
        try (ConsoleSink sink = sink(10, null)) {
            sink.write(BATCH_7, 0, texts("x", 2));
            sink.write(BATCH_7, 0, texts("x", 2));
            sink.commit(BATCH_7);
        }
        assertThat(printed()).containsOnlyOnce("{text=x0}");
    }

    @Test
    void batchesArePrintedSeparatelyAtTheirCommit() {
        BatchInfo batch8 = new BatchInfo(8, BATCH_7.time().plusSeconds(1), BATCH_7.interval());
        try (ConsoleSink sink = sink(10, null)) {
            sink.write(BATCH_7, 0, texts("seven", 1));
            sink.write(batch8, 0, texts("eight", 1));
            sink.commit(BATCH_7);
            assertThat(printed()).contains("seven0").doesNotContain("eight0");
            sink.commit(batch8);
        }
        assertThat(printed()).contains("(batch 8) test-component\n" + ConsoleSink.RULE + "\n{text=eight0}\n");
    }
}

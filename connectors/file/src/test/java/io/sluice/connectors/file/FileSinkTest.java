package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.testkit.TestComponentContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final BatchInfo BATCH_7 = new BatchInfo(7, Instant.ofEpochSecond(7), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private final TestComponentContext context = TestComponentContext.builder().format(new FlatJsonFormat()).build();

    private FileSink open(String... keyValues) {
        Config.Builder b = Config.builder(FileSinkFactory.SPEC).setRaw("path", dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            b.setRaw(keyValues[i], keyValues[i + 1]);
        }
        FileSink sink = (FileSink) new FileSinkFactory().create(b.build());
        sink.open(context);
        return sink;
    }

    private static Record alert(String bus, long occupancy) {
        return Record.builder().field("bus", bus).field("occupancy", occupancy).build();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesOneJsonLinesFilePerBatchInPartitionOrder() throws IOException {
        try (FileSink sink = open("prefix", "alerts")) {
            sink.write(BATCH_7, 1, List.of(alert("bus-0002", 90)));
            sink.write(BATCH_7, 0, List.of(alert("bus-0000", 61), alert("bus-0001", 80)));
            assertThat(names()).as("before commit only hidden temporary files").allMatch(n -> n.startsWith("."));
            sink.commit(BATCH_7);
        }
        assertThat(names()).containsExactly("alerts-7.jsonl");
        assertThat(Files.readString(dir.resolve("alerts-7.jsonl"), StandardCharsets.UTF_8)).isEqualTo("""
                {"bus":"bus-0000","occupancy":61}
                {"bus":"bus-0001","occupancy":80}
                {"bus":"bus-0002","occupancy":90}
                """);
    }

    @Test
    void aBatchRunAgainReplacesItsFile() throws IOException {
        try (FileSink sink = open()) {
            sink.write(BATCH_7, 0, List.of(alert("bus-0000", 61)));
            sink.commit(BATCH_7);
            sink.write(BATCH_7, 0, List.of(alert("bus-0000", 61)));
            sink.commit(BATCH_7);
        }
        assertThat(names()).containsExactly("batch-7.jsonl");
        assertThat(Files.readAllLines(dir.resolve("batch-7.jsonl"))).hasSize(1);
    }

    @Test
    void textFormatAndAnExtensionOfChoice() throws IOException {
        try (FileSink sink = open("format", "text", "extension", "log")) {
            sink.write(BATCH_7, 0, List.of(Record.builder().field("text", "hello").build()));
            sink.commit(BATCH_7);
        }
        assertThat(Files.readString(dir.resolve("batch-7.log"))).isEqualTo("hello\n");
    }

    @Test
    void aBatchWithoutRecordsWritesNoFile() throws IOException {
        try (FileSink sink = open()) {
            sink.write(BATCH_7, 0, List.of());
            sink.commit(BATCH_7);
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void recordsTheFormatCannotWriteAreReportedAndTheOthersWritten() throws IOException {
        Record unwritable = Record.builder().field("ratio", 0.5).build();
        try (FileSink sink = open()) {
            sink.write(BATCH_7, 0, List.of(alert("bus-0000", 61), unwritable));
            sink.commit(BATCH_7);
        }
        assertThat(Files.readAllLines(dir.resolve("batch-7.jsonl"))).containsExactly("{\"bus\":\"bus-0000\",\"occupancy\":61}");
        assertThat(context.collectedErrors().records()).singleElement().satisfies(e -> assertThat(e.record()).isEqualTo(unwritable));
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedWhenTheSinkOpens() throws IOException {
        Files.writeString(dir.resolve(".batch-3.part-0.tmp"), "half a batch");
        Files.writeString(dir.resolve(".other-3.part-0.tmp"), "someone else's");
        open().close();
        assertThat(names()).containsExactly(".other-3.part-0.tmp");
    }
}

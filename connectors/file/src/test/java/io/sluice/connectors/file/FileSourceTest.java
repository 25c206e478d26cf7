package io.sluice.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import io.sluice.spi.testkit.CollectingEmitter;
import io.sluice.spi.testkit.TestComponentContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    @TempDir
    Path dir;

    private TestComponentContext context;
    private SplitPlanner<FileSplit> planner;
    private SplitReader<FileSplit> reader;
    private long batchId;

    private void open(String path, String format, long maxSplitBytes) {
        Config config = Config.builder(FileSourceFactory.SPEC).setRaw("path", path).setRaw("format", format)
                .setRaw("max-split-bytes", maxSplitBytes).build();
        context = TestComponentContext.builder().config(config).format(new FlatJsonFormat()).build();
        FileSource source = (FileSource) new FileSourceFactory().create(config);
        planner = source.createPlanner(context);
        reader = source.createReader(context);
    }

    @AfterEach
    void close() {
        if (planner != null) {
            planner.close();
            reader.close();
        }
    }

    private List<FileSplit> plan() {
        batchId++;
        return planner.plan(new BatchInfo(batchId, Instant.EPOCH.plusSeconds(batchId), Duration.ofSeconds(1)), Long.MAX_VALUE);
    }

    private List<Record> nextBatch() {
        CollectingEmitter out = new CollectingEmitter();
        plan().forEach(split -> reader.read(split, out));
        return out.records();
    }

    private static List<Object> texts(List<Record> records) {
        return records.stream().map(r -> r.get("text")).toList();
    }

    @Test
    void readsAppendedLinesAndNewFilesInLaterBatchesButNotATornLine() {
        Files2.append(dir.resolve("1.txt"), "one\ntwo\nthr");
        open(dir.toString(), "text", 1 << 20);
        assertThat(texts(nextBatch())).containsExactly("one", "two");
        assertThat(nextBatch()).as("nothing new: the torn line waits").isEmpty();

        Files2.append(dir.resolve("1.txt"), "ee\r\nfour\n");
        Files2.append(dir.resolve("2.txt"), "deux\n");
        assertThat(texts(nextBatch())).containsExactly("three", "four", "deux");
    }

    @Test
    void recordsKnowTheirFileAndLine() {
        Path file = Files2.append(dir.resolve("in.txt"), "a\nb\n");
        open(dir.toString(), "text", 1 << 20);
        nextBatch();
        Files2.append(file, "c\n");
        assertThat(nextBatch()).singleElement().satisfies(r -> assertThat(r.position()).isEqualTo(file + ":3"));
    }

    @Test
    void undecodableLinesAreReportedWithFileAndLineAndTheRestIsRead() {
        Path file = Files2.append(dir.resolve("in.jsonl"), "{\"bus\":\"bus-0001\",\"boarded\":3}\n\nnot json\n{\"bus\":\"bus-0002\"}\n");
        open(dir.toString(), "json", 1 << 20);
        List<Record> records = nextBatch();
        assertThat(records).extracting(r -> r.get("bus")).containsExactly("bus-0001", "bus-0002");
        assertThat(records.get(0).get("boarded")).isEqualTo(3L);
        assertThat(context.collectedErrors().raw()).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(file + ":3");
            assertThat(e.rawAsString()).isEqualTo("not json");
        });
    }

    @Test
    void bigAppendsAreCutIntoSplitsAtLineBoundariesWithTheRightLineNumbers() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Path file = Files2.append(dir.resolve("big.txt"), text.toString());
        open(file.toString(), "text", 64);
        List<FileSplit> splits = plan();
        assertThat(splits).hasSizeGreaterThan(5);
        CollectingEmitter out = new CollectingEmitter();
        for (FileSplit split : splits) {
            if (split != splits.get(splits.size() - 1)) {
                assertThat(split.end() - split.start()).as("a split ends at the first line break after 64 bytes").isBetween(64L, 64L + 9);
            }
            CollectingEmitter one = new CollectingEmitter();
            reader.read(split, one);
            assertThat(one.records().get(0).get("text")).isEqualTo("line " + split.firstLine());
            one.records().forEach(out::emit);
        }
        assertThat(out.records()).hasSize(100).last().satisfies(r -> assertThat(r.position()).isEqualTo(file + ":100"));
    }

    @Test
    void aGlobSelectsMatchingFilesInSubdirectoriesAndNeverHiddenOnes() {
        Files2.append(dir.resolve("x/a.jsonl"), "{\"n\":1}\n");
        Files2.append(dir.resolve("x/y/b.jsonl"), "{\"n\":2}\n");
        Files2.append(dir.resolve("x/c.txt"), "{\"n\":3}\n");
        Files2.append(dir.resolve("x/.d.jsonl"), "{\"n\":4}\n");
        Files2.append(dir.resolve("x/.hidden/e.jsonl"), "{\"n\":5}\n");
        open(dir + "/x/**.jsonl", "json", 1 << 20);
        assertThat(nextBatch()).extracting(r -> r.get("n")).containsExactly(1L, 2L);
    }

    @Test
    void aSingleStarStaysInOneDirectory() {
        Files2.append(dir.resolve("a.jsonl"), "{\"n\":1}\n");
        Files2.append(dir.resolve("sub/b.jsonl"), "{\"n\":2}\n");
        open(dir + "/*.jsonl", "json", 1 << 20);
        assertThat(nextBatch()).extracting(r -> r.get("n")).containsExactly(1L);
    }

    @Test
    void aMissingDirectoryIsAConnectorError() {
        assertThatThrownBy(() -> open(dir.resolve("nope/*.txt").toString(), "text", 100))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aFileThatShrinksStopsTheSource() throws IOException {
        Path file = Files2.append(dir.resolve("in.txt"), "one\ntwo\n");
        open(dir.toString(), "text", 1 << 20);
        nextBatch();
        Files.writeString(file, "x\n");
        assertThatThrownBy(this::nextBatch).isInstanceOf(ConnectorException.class).hasMessageContaining("shrank");
    }

    @Test
    void aRecordedSplitWhoseFileWasReplacedIsAConnectorError() throws IOException {
        Path file = Files2.append(dir.resolve("in.txt"), "one\ntwo\n");
        open(dir.toString(), "text", 1 << 20);
        List<FileSplit> splits = plan();
        Files.delete(file);
        assertThatThrownBy(() -> reader.read(splits.get(0), new CollectingEmitter())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("cannot be read again");
    }

    @Test
    void thePositionRoundTripsAndRefusesOtherVersions() {
        Files2.append(dir.resolve("in.txt"), "one\ntwo\n");
        open(dir.toString(), "text", 1 << 20);
        nextBatch();
        FileOffsets offsets = FileOffsets.decode(planner.position());
        assertThat(offsets.asMap()).containsExactly(java.util.Map.entry(dir.resolve("in.txt").toString(), new FileOffsets.Offset(8, 3)));
        byte[] v9 = planner.position();
        v9[3] = 9;
        assertThatThrownBy(() -> planner.restore(v9)).isInstanceOf(SluiceException.class).hasMessageContaining("version 9 is unknown");
    }

    @Test
    void theSplitCodecRoundTripsAndRefusesCorruptBytes() {
        FileSplitCodec codec = new FileSplitCodec();
        FileSplit split = new FileSplit("/data/événements.txt", 10, 20, 3);
        assertThat(codec.decode(1, codec.encode(split))).isEqualTo(split);
        assertThatThrownBy(() -> codec.decode(1, new byte[] {0, 0, 0, 99, 1})).isInstanceOf(SluiceException.class).hasMessageContaining("corrupt");
        assertThatThrownBy(() -> codec.decode(2, codec.encode(split))).isInstanceOf(SluiceException.class).hasMessageContaining("version 2");
    }
}

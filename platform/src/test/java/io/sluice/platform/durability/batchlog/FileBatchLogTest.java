package io.sluice.platform.durability.batchlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.log.LogOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBatchLogTest {
    @TempDir
    Path dir;

    private static byte[] description(long batchId) {
        return ("splits of batch " + batchId + " " + "s".repeat(150)).getBytes(StandardCharsets.UTF_8);
    }

    private static LoggedBatch batch(long id, boolean completed) {
        return new LoggedBatch(id, description(id), completed);
    }

    private Path lastSegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void recoverListsLoggedBatchesInOrderWithWhetherTheyCompleted() {
        try (BatchLog log = FileBatchLog.open(dir)) {
            assertThat(log.recover()).isEmpty();
            log.append(1, description(1));
            log.append(2, description(2));
            log.complete(1);
            log.append(5, description(5));
            log.complete(5);
        }
        try (BatchLog log = FileBatchLog.open(dir)) {
            assertThat(log.recover()).containsExactly(batch(1, true), batch(2, false), batch(5, true));
            log.complete(2);
            log.append(6, description(6));
        }
        try (BatchLog log = FileBatchLog.open(dir)) {
            assertThat(log.recover()).containsExactly(batch(1, true), batch(2, true), batch(5, true), batch(6, false));
        }
    }

    @Test
    void aCompletionMarkTornByACrashIsCutAndTheBatchIsIncomplete() throws IOException {
        try (BatchLog log = FileBatchLog.open(dir)) {
            log.append(1, description(1));
            log.append(2, description(2));
            log.complete(2);
        }
        Path segment = lastSegment();
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
            raf.setLength(raf.length() - 5);
        }
        try (BatchLog log = FileBatchLog.open(dir)) {
            assertThat(log.recover()).containsExactly(batch(1, false), batch(2, false));
            log.complete(2);
            log.append(3, description(3));
        }
        try (BatchLog log = FileBatchLog.open(dir)) {
            assertThat(log.recover()).containsExactly(batch(1, false), batch(2, true), batch(3, false));
        }
    }

    @Test
    void deleteUpToDropsWholeSegmentsCoveredByTheCheckpointOnly() {
        LogOptions small = LogOptions.defaults().withSegmentSize(1024);
        try (FileBatchLog log = FileBatchLog.open(dir, small)) {
            for (long id = 1; id <= 40; id++) {
                log.append(id, description(id));
                if (id != 25) {
                    log.complete(id);
                }
            }
            int segments = log.segmentCount();
            log.deleteUpTo(24);
            assertThat(log.segmentCount()).isLessThan(segments).isGreaterThan(1);
        }
        try (BatchLog log = FileBatchLog.open(dir, small)) {
            List<LoggedBatch> recovered = log.recover();
            assertThat(recovered.get(0).batchId()).isGreaterThan(1).isLessThanOrEqualTo(25);
            assertThat(recovered).filteredOn(b -> b.batchId() >= 25).extracting(LoggedBatch::batchId)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(25, 40).boxed().toList());
            assertThat(recovered).filteredOn(b -> !b.completed()).extracting(LoggedBatch::batchId)
                    .containsExactly(25L);
        }
    }

    @Test
    void batchIdsMustIncreaseAndOnlyLoggedBatchesComplete() {
        try (BatchLog log = FileBatchLog.open(dir)) {
            log.append(3, description(3));
            assertThatThrownBy(() -> log.append(3, description(3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increase");
            assertThatThrownBy(() -> log.complete(4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch 4 is not in the batch log");
        }
        try (BatchLog log = FileBatchLog.open(dir)) {
            assertThatThrownBy(() -> log.append(2, description(2))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

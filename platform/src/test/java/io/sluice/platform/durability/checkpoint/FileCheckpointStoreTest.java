package io.sluice.platform.durability.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.StorageException;
import io.sluice.platform.durability.log.LogCapture;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {
    @TempDir
    Path dir;
    private LogCapture logs;

    @BeforeEach
    void captureWarnings() {
        logs = LogCapture.durability();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    private static byte[] state(long batchId) {
        return ("state after batch " + batchId).getBytes(StandardCharsets.UTF_8);
    }

    private Path file(long batchId) {
        return dir.resolve(CheckpointFormat.fileName(batchId));
    }

    private Stream<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theNewestCheckpointIsReadBackAndOnlyTheNewestRetainedAreKept() throws IOException {
        FileCheckpointStore store = FileCheckpointStore.open(dir, 2);
        assertThat(store.latest()).isEmpty();
        assertThat(store.oldestRetained()).isEmpty();
        for (long id : new long[] {3, 7, 12}) {
            store.write(id, state(id));
        }
        StoredCheckpoint latest = FileCheckpointStore.open(dir, 2).latest().orElseThrow();
        assertThat(latest.batchId()).isEqualTo(12);
        assertThat(latest.data()).isEqualTo(state(12));
        assertThat(latest.file()).isEqualTo(file(12));
        assertThat(store.oldestRetained()).hasValue(7);
        assertThat(names()).containsExactly(CheckpointFormat.fileName(7), CheckpointFormat.fileName(12));
    }

    @Test
    void aTempFileLeftByACrashedWriteIsIgnoredAndCleanedAtOpen() throws IOException {
        FileCheckpointStore.open(dir, 2).write(4, state(4));
        Path temp = dir.resolve(CheckpointFormat.fileName(5) + ".tmp");
        Files.write(temp, new byte[] {1, 2, 3});

        FileCheckpointStore store = FileCheckpointStore.open(dir, 2);
        assertThat(temp).doesNotExist();
        assertThat(store.latest().orElseThrow().batchId()).isEqualTo(4);
        assertThat(logs.warnings()).singleElement().asString().contains(temp.toString());
    }

    @Test
    void aCorruptNewestCheckpointFallsBackToThePreviousWithAWarning() throws IOException {
        FileCheckpointStore store = FileCheckpointStore.open(dir, 3);
        store.write(1, state(1));
        store.write(2, state(2));
        store.write(3, state(3));
        try (RandomAccessFile raf = new RandomAccessFile(file(3).toFile(), "rw")) {
            raf.seek(CheckpointFormat.HEADER_SIZE + 2);
            raf.write('X');
        }
        try (RandomAccessFile raf = new RandomAccessFile(file(2).toFile(), "rw")) {
            raf.setLength(raf.length() - 1);
        }

        StoredCheckpoint latest = store.latest().orElseThrow();
        assertThat(latest.batchId()).isEqualTo(1);
        assertThat(latest.data()).isEqualTo(state(1));
        assertThat(logs.warnings()).hasSize(2);
        assertThat(logs.warnings().get(0)).contains(file(3).toString()).contains("CRC32C");
        assertThat(logs.warnings().get(1)).contains(file(2).toString()).contains("truncated");
        assertThat(store.oldestRetained()).hasValue(1);
    }

    @Test
    void aCheckpointFromANewerSluiceIsRefusedNamingItsVersion() throws IOException {
        FileCheckpointStore store = FileCheckpointStore.open(dir, 2);
        store.write(8, state(8));
        try (RandomAccessFile raf = new RandomAccessFile(file(8).toFile(), "rw")) {
            raf.seek(4);
            raf.writeInt(3);
        }
        assertThatThrownBy(store::latest).isInstanceOf(StorageException.class)
                .hasMessage("checkpoint " + file(8) + " has format version 3 at offset 4;"
                        + " this Sluice reads checkpoint format versions up to 1");
    }

    @Test
    void rewritingTheSameBatchReplacesItsCheckpoint() {
        FileCheckpointStore store = FileCheckpointStore.open(dir, 2);
        store.write(5, state(4));
        store.write(5, state(5));
        assertThat(store.latest().orElseThrow().data()).isEqualTo(state(5));
    }
}

package io.sluice.platform.durability.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteAheadLogTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> readAll(WriteAheadLog wal, long from, long to) {
        List<String> read = new ArrayList<>();
        long[] expected = {from};
        wal.read(from, to, (sequence, entry) -> {
            assertThat(sequence).isEqualTo(expected[0]++);
            read.add(new String(entry, StandardCharsets.UTF_8));
        });
        return read;
    }

    @Test
    void concurrentAppendersGetContiguousSequencesAndEveryEntryReadsBackIntact() throws Exception {
        int threads = 8;
        int perThread = 1000;
        Map<Long, String> stored = new ConcurrentHashMap<>();
        WalOptions options = WalOptions.defaults().withSegmentSize(64 * 1024);
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, options)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String entry = "thread " + thread + " entry " + i + " " + "p".repeat(i % 90);
                        long sequence = wal.append(bytes(entry));
                        stored.put(sequence, entry);
                        if (i % 10 == 9) {
                            wal.awaitDurable(sequence);
                            assertThat(wal.durableSequence()).isGreaterThan(sequence);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(wal.nextSequence()).isEqualTo(threads * perThread);
            assertThat(stored.keySet()).hasSize(threads * perThread).allSatisfy(s -> assertThat(s).isBetween(0L, 7999L));
            wal.awaitDurable(threads * perThread - 1);
            List<String> read = readAll(wal, 0, threads * perThread);
            for (int s = 0; s < read.size(); s++) {
                assertThat(read.get(s)).isEqualTo(stored.get((long) s));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isGreaterThan(1);
        }
    }

    @Test
    void reopeningContinuesTheSequencesAndKeepsTheEntries() throws InterruptedException {
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(wal.nextSequence()).isZero();
            wal.append(bytes("a"));
            wal.awaitDurable(wal.append(bytes("b")));
        }
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(wal.nextSequence()).isEqualTo(2);
            assertThat(wal.durableSequence()).isEqualTo(2);
            long c = wal.append(bytes("c"));
            assertThat(c).isEqualTo(2);
            wal.awaitDurable(c);
            assertThat(readAll(wal, 0, 3)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void closeWritesWhatIsQueued() {
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            for (int i = 0; i < 100; i++) {
                wal.append(bytes("e" + i));
            }
        }
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(readAll(wal, 0, 100)).hasSize(100).startsWith("e0").endsWith("e99");
        }
    }

    @Test
    void osBufferModeMakesEntriesReadableOnceWrittenAndTheyPersist() throws InterruptedException {
        WalOptions osBuffer = WalOptions.defaults().withDurability(Durability.OS_BUFFER);
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, osBuffer)) {
            wal.append(bytes("x"));
            wal.awaitDurable(wal.append(bytes("y")));
            assertThat(wal.durableSequence()).isEqualTo(2);
            assertThat(readAll(wal, 0, 2)).containsExactly("x", "y");
        }
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(readAll(wal, 0, 2)).containsExactly("x", "y");
        }
    }

    @Test
    void offModeWritesNothingAndRefusesReads() throws InterruptedException {
        Path walDir = dir.resolve("wal");
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(walDir, WalOptions.defaults().withDurability(Durability.OFF))) {
            assertThat(wal.append(bytes("a"))).isZero();
            assertThat(wal.append(bytes("b"))).isEqualTo(1);
            wal.awaitDurable(1);
            assertThat(wal.durableSequence()).isEqualTo(2);
            assertThat(wal.nextSequence()).isEqualTo(2);
            assertThatThrownBy(() -> wal.read(0, 2, (s, e) -> { }))
                    .isInstanceOf(StorageException.class).hasMessageContaining("durability OFF");
        }
        assertThat(walDir).doesNotExist();
    }

    @Test
    void readsBeyondTheDurableEntriesAndWaitsForUnappendedOnesAreRefused() throws InterruptedException {
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            wal.awaitDurable(wal.append(bytes("a")));
            assertThatThrownBy(() -> wal.read(0, 2, (s, e) -> { })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entries below 1 are durable");
            assertThatThrownBy(() -> wal.awaitDurable(5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entry 5 was never appended");
        }
    }

    @Test
    void aCorruptEntryFailsTheOpenUnlessSkipCorruptIsAsked() throws Exception {
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                wal.append(bytes("entry " + i));
            }
            wal.awaitDurable(4);
        }
        Path segment = dir.resolve("00000000000000000000.seg");
        long third = 16 + 2 * (8 + "entry 0".length());
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(segment.toFile(), "rw")) {
            raf.seek(third + 8);
            raf.write('E');
        }
        assertThatThrownBy(() -> FileWriteAheadLog.open(dir, WalOptions.defaults()))
                .isInstanceOf(StorageException.class)
                .hasMessage("corrupt entry in segment " + segment + " at offset " + third + " (sequence 2)");
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults().withSkipCorrupt(true))) {
            assertThat(wal.recoveryReport().skippedEntries()).isEqualTo(1);
            assertThat(wal.nextSequence()).isEqualTo(5);
            assertThat(readAllSkipping(wal, 0, 5)).containsExactly("entry 0", "entry 1", "entry 3", "entry 4");
        }
    }

    private static List<String> readAllSkipping(WriteAheadLog wal, long from, long to) {
        List<String> read = new ArrayList<>();
        wal.read(from, to, (sequence, entry) -> read.add(new String(entry, StandardCharsets.UTF_8)));
        return read;
    }

    @Test
    void deleteBeforeDropsOnlySegmentsWhollyBelowTheSequence() throws InterruptedException {
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults().withSegmentSize(1024))) {
            long last = 0;
            for (int i = 0; i < 100; i++) {
                last = wal.append(bytes("entry " + i + " " + "z".repeat(50)));
                wal.awaitDurable(last);
            }
            wal.deleteBefore(50);
            List<String> kept = readAll(wal, 50, 100);
            assertThat(kept.get(0)).startsWith("entry 50 ");
            assertThatThrownBy(() -> wal.read(0, 1, (s, e) -> { })).isInstanceOf(StorageException.class)
                    .hasMessageContaining("was deleted");
        }
    }
}

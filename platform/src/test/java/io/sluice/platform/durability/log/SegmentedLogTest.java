package io.sluice.platform.durability.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedLogTest {
    private static final LogOptions SMALL = LogOptions.defaults().withSegmentSize(1024);

    @TempDir
    Path dir;

    static byte[] entry(long sequence) {
        String text = "entry-" + sequence + "-" + "x".repeat((int) (sequence * 37 % 200));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> readAll(SegmentedLog log, long from, long to) {
        List<String> read = new ArrayList<>();
        log.read(from, to, (sequence, bytes) -> {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("entry-" + sequence + "-");
            read.add(new String(bytes, StandardCharsets.UTF_8));
        });
        return read;
    }

    static List<String> expected(long from, long to) {
        List<String> expected = new ArrayList<>();
        for (long s = from; s < to; s++) {
            expected.add(new String(entry(s), StandardCharsets.UTF_8));
        }
        return expected;
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void entriesRoundTripAcrossSegmentRollsAndReopen() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            for (long s = 0; s < 100; s++) {
                assertThat(log.append(entry(s))).isEqualTo(s);
            }
            assertThat(log.append(List.of(entry(100), entry(101), entry(102)))).isEqualTo(100);
            assertThat(log.nextSequence()).isEqualTo(103);
            assertThat(readAll(log, 0, 103)).isEqualTo(expected(0, 103));
            assertThat(readAll(log, 57, 61)).isEqualTo(expected(57, 61));
        }
        List<Path> files = segmentFiles();
        assertThat(files).hasSizeGreaterThan(5);
        assertThat(files.get(0).getFileName()).hasToString("00000000000000000000.seg");
        assertThat(files).allSatisfy(f -> assertThat(Files.size(f)).isLessThanOrEqualTo(1024));
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            assertThat(log.recoveryReport()).isEqualTo(RecoveryReport.clean());
            assertThat(log.nextSequence()).isEqualTo(103);
            assertThat(log.append(entry(103))).isEqualTo(103);
            assertThat(readAll(log, 0, 104)).isEqualTo(expected(0, 104));
        }
    }

    @Test
    void entriesLargerThanTheWriteBufferRoundTrip() {
        byte[] big = new byte[3 << 20];
        big[0] = 1;
        big[big.length - 1] = 2;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(entry(0));
            log.append(big);
            log.append(entry(2));
            List<byte[]> read = new ArrayList<>();
            log.read(0, 3, (sequence, bytes) -> read.add(bytes));
            assertThat(read.get(1)).isEqualTo(big);
            assertThat(read.get(2)).isEqualTo(entry(2));
        }
    }

    @Test
    void readersSeeEveryWrittenEntryWhileTheWriterAppends() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                int reads = 0;
                while (!done.get()) {
                    long to = log.nextSequence();
                    assertThat(readAll(log, 0, to)).hasSize((int) to);
                    reads++;
                }
                return reads;
            });
            for (long s = 0; s < 2000; s++) {
                log.append(entry(s));
            }
            done.set(true);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
            assertThat(readAll(log, 0, 2000)).isEqualTo(expected(0, 2000));
        }
    }

    @Test
    void deleteBeforeDeletesOnlySegmentsWhoseEntriesAreAllBelowIt() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            for (long s = 0; s < 60; s++) {
                log.append(entry(s));
            }
            List<Path> files = segmentFiles();
            long second = SegmentFormat.firstSequenceOf(files.get(1));
            long third = SegmentFormat.firstSequenceOf(files.get(2));

            log.deleteBefore(second - 1);
            assertThat(segmentFiles()).isEqualTo(files);
            log.deleteBefore(third - 1);
            assertThat(segmentFiles()).isEqualTo(files.subList(1, files.size()));
            assertThat(log.firstSequence()).isEqualTo(second);
            assertThat(readAll(log, second, 60)).isEqualTo(expected(second, 60));
            assertThatThrownBy(() -> log.read(second - 1, 60, (s, e) -> { }))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("entry " + (second - 1) + " was deleted");

            log.deleteBefore(Long.MAX_VALUE);
            assertThat(segmentFiles()).containsExactly(files.get(files.size() - 1));
            assertThat(log.append(entry(60))).isEqualTo(60);
        }
    }

    @Test
    void anEntryDamagedAfterOpenFailsTheReadNamingSegmentAndOffset() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults())) {
            log.append(List.of(entry(0), entry(1), entry(2)));
            Path segment = dir.resolve(SegmentFormat.fileName(0));
            long second = SegmentFormat.HEADER_SIZE + SegmentFormat.FRAME_HEADER_SIZE + entry(0).length;
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(segment.toFile(), "rw")) {
                raf.seek(second + SegmentFormat.FRAME_HEADER_SIZE + 3);
                raf.write('#');
            }
            assertThatThrownBy(() -> log.read(0, 3, (s, e) -> { }))
                    .isInstanceOf(StorageException.class)
                    .hasMessage("corrupt entry in segment " + segment + " at offset " + second + " (sequence 1)");
        }
    }

    @Test
    void readingPastTheWrittenEntriesIsRefused() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL)) {
            log.append(entry(0));
            assertThatThrownBy(() -> log.read(0, 2, (s, e) -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entries below 1 are written");
        }
    }

    @Test
    void aClosedLogRefusesAppends() {
        SegmentedLog log = SegmentedLog.open(dir, SMALL);
        log.close();
        assertThatThrownBy(() -> log.append(entry(0))).isInstanceOf(IllegalStateException.class);
    }
}

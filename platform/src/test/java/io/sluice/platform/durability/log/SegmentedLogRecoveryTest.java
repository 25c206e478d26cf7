package io.sluice.platform.durability.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn tails are cut; corruption elsewhere fails the open with segment and offset, or is skipped on request. */
class SegmentedLogRecoveryTest {
    private static final int ENTRY = 250;
    private static final int FRAME = SegmentFormat.FRAME_HEADER_SIZE + ENTRY;
    private static final LogOptions FOUR_PER_SEGMENT =
            LogOptions.defaults().withSegmentSize(SegmentFormat.HEADER_SIZE + 4 * FRAME);

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

    private static byte[] entry(long sequence) {
        byte[] bytes = new byte[ENTRY];
        for (int i = 0; i < ENTRY; i++) {
            bytes[i] = (byte) (sequence * 31 + i + 1);
        }
        return bytes;
    }

    private static long offsetOf(int frameInSegment) {
        return SegmentFormat.HEADER_SIZE + (long) frameInSegment * FRAME;
    }

    private Path write(int entries, LogOptions options) {
        try (SegmentedLog log = SegmentedLog.open(dir, options)) {
            for (long s = 0; s < entries; s++) {
                log.append(entry(s));
            }
        }
        return dir.resolve(SegmentFormat.fileName(0));
    }

    private List<Long> readSequences(SegmentedLog log) {
        List<Long> read = new ArrayList<>();
        log.read(log.firstSequence(), log.nextSequence(), (sequence, bytes) -> {
            assertThat(bytes).isEqualTo(entry(sequence));
            read.add(sequence);
        });
        return read;
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(bytes);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x5A);
        }
    }

    private static void truncateAndAppendZeros(Path file, long size, int zeros) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(size);
            raf.write(new byte[zeros]);
        }
    }

    @Test
    void aTailTornMidFrameAndPaddedWithZerosIsCutAndAppendingContinues() throws IOException {
        Path segment = write(10, LogOptions.defaults());
        truncateAndAppendZeros(segment, offsetOf(9) + 13, 100);

        try (SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults())) {
            assertThat(log.nextSequence()).isEqualTo(9);
            assertThat(log.recoveryReport().tornTail()).hasValue(
                    new RecoveryReport.TornTail(segment, offsetOf(9), 113));
            assertThat(Files.size(segment)).isEqualTo(offsetOf(9));
            assertThat(log.append(entry(9))).isEqualTo(9);
            assertThat(readSequences(log)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
        assertThat(logs.warnings()).singleElement().asString()
                .contains(segment.toString()).contains("offset " + offsetOf(9));
    }

    @Test
    void aBadChecksumOnTheLastFrameFollowedByZerosIsATornTail() throws IOException {
        Path segment = write(10, LogOptions.defaults());
        flipByte(segment, offsetOf(9) + 20);
        truncateAndAppendZeros(segment, offsetOf(10), 4096);

        try (SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults())) {
            assertThat(log.nextSequence()).isEqualTo(9);
            assertThat(log.recoveryReport().tornTail()).isPresent();
        }
    }

    @Test
    void aFlippedByteMidSegmentFailsTheOpenNamingSegmentOffsetAndSequence() throws IOException {
        Path segment = write(10, LogOptions.defaults());
        flipByte(segment, offsetOf(3) + 20);

        assertThatThrownBy(() -> SegmentedLog.open(dir, LogOptions.defaults()))
                .isInstanceOf(StorageException.class)
                .hasMessage("corrupt entry in segment " + segment + " at offset " + offsetOf(3) + " (sequence 3)");
    }

    @Test
    void aBadLastFrameOfANonLastSegmentIsCorruptionNotATornTail() throws IOException {
        write(10, FOUR_PER_SEGMENT);
        Path first = dir.resolve(SegmentFormat.fileName(0));
        flipByte(first, offsetOf(3) + 30);

        assertThatThrownBy(() -> SegmentedLog.open(dir, LogOptions.defaults()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("segment " + first + " at offset " + offsetOf(3) + " (sequence 3)");
    }

    @Test
    void skipCorruptSkipsTheEntryAndReportsIt() throws IOException {
        Path segment = write(10, LogOptions.defaults());
        flipByte(segment, offsetOf(3) + 20);

        try (SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults().withSkipCorrupt(true))) {
            assertThat(log.recoveryReport().skippedEntries()).isEqualTo(1);
            assertThat(log.recoveryReport().skipped()).singleElement().asString()
                    .contains("corrupt entry in segment " + segment + " at offset " + offsetOf(3) + " (sequence 3)");
            assertThat(log.nextSequence()).isEqualTo(10);
            assertThat(readSequences(log)).containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(log.append(entry(10))).isEqualTo(10);
        }
        assertThat(logs.warnings()).singleElement().asString().contains("offset " + offsetOf(3));
    }

    @Test
    void skipCorruptDropsTheRestOfASegmentWhoseLengthFieldIsCorrupt() throws IOException {
        LogOptions fourPerSegment = FOUR_PER_SEGMENT;
        write(12, fourPerSegment);
        Path first = dir.resolve(SegmentFormat.fileName(0));
        overwrite(first, offsetOf(1), new byte[] {0x7f, 0, 0, 0});

        assertThatThrownBy(() -> SegmentedLog.open(dir, fourPerSegment)).isInstanceOf(StorageException.class)
                .hasMessageContaining("at offset " + offsetOf(1) + " (sequence 1)");
        try (SegmentedLog log = SegmentedLog.open(dir, fourPerSegment.withSkipCorrupt(true))) {
            assertThat(log.recoveryReport().skippedEntries()).isEqualTo(3);
            assertThat(readSequences(log)).containsExactly(0L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        }
    }

    @Test
    void skipCorruptCutsTheLastSegmentAtACorruptLengthFieldAndAppendsThere() throws IOException {
        Path segment = write(6, LogOptions.defaults());
        overwrite(segment, offsetOf(2), new byte[] {0x7f, 0, 0, 0});

        try (SegmentedLog log = SegmentedLog.open(dir, LogOptions.defaults().withSkipCorrupt(true))) {
            assertThat(log.nextSequence()).isEqualTo(2);
            assertThat(log.recoveryReport().tornTail()).hasValue(
                    new RecoveryReport.TornTail(segment, offsetOf(2), 4L * FRAME));
            assertThat(log.recoveryReport().skipped()).singleElement().asString()
                    .contains("at offset " + offsetOf(2) + " (sequence 2)").contains("unknown number of entries");
            assertThat(log.append(entry(2))).isEqualTo(2);
            assertThat(readSequences(log)).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void aSegmentFromANewerSluiceIsRefusedByVersion() throws IOException {
        Path segment = write(2, LogOptions.defaults());
        overwrite(segment, 4, new byte[] {0, 0, 0, 9});

        assertThatThrownBy(() -> SegmentedLog.open(dir, LogOptions.defaults()))
                .isInstanceOf(StorageException.class)
                .hasMessage("segment " + segment + " has format version 9 at offset 4;"
                        + " this Sluice reads log format versions up to 1");
    }

    @Test
    void aLastSegmentWhoseHeaderWasTornIsRewritten() throws IOException {
        LogOptions fourPerSegment = FOUR_PER_SEGMENT;
        write(9, fourPerSegment);
        Path last;
        try (Stream<Path> files = Files.list(dir)) {
            last = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        assertThat(last.getFileName()).hasToString(SegmentFormat.fileName(8));
        truncateAndAppendZeros(last, 7, 0);

        try (SegmentedLog log = SegmentedLog.open(dir, fourPerSegment)) {
            assertThat(log.nextSequence()).isEqualTo(8);
            assertThat(log.append(entry(8))).isEqualTo(8);
            assertThat(readSequences(log)).hasSize(9);
        }
    }
}

package io.sluice.platform.durability.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.durability.StorageException;
import io.sluice.platform.durability.log.SegmentChannels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up: a clear error to every waiter, appends refused, and nothing called durable that is not on disk. */
class FileWriteAheadLogFailureTest {
    private static final int ENTRY = 100;

    @TempDir
    Path dir;

    private static byte[] entry(long sequence) {
        byte[] bytes = new byte[ENTRY];
        java.util.Arrays.fill(bytes, (byte) (sequence % 120 + 1));
        return bytes;
    }

    @Test
    void aFullDiskFailsTheWaitersWithTheSegmentAndNothingFalselyDurable() throws Exception {
        AtomicLong budget = new AtomicLong(16 + 50 * (8 + ENTRY) + 30); // header, 50 frames, part of the 51st
        SegmentChannels fillsUp = (file, options) -> new FailingChannel(FileChannel.open(file, options), budget);
        long confirmedDurable = 0;
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults(), fillsUp)) {
            StorageException failure = null;
            for (long s = 0; s < 200 && failure == null; s++) {
                long sequence = wal.append(entry(s));
                try {
                    wal.awaitDurable(sequence);
                    confirmedDurable = sequence + 1;
                } catch (StorageException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("No space left on device")
                    .contains("segment " + dir.resolve("00000000000000000000.seg")).contains("at offset");
            assertThat(confirmedDurable).isEqualTo(50);
            assertThat(wal.durableSequence()).isEqualTo(50);
            assertThatThrownBy(() -> wal.append(entry(999))).isInstanceOf(StorageException.class)
                    .hasMessageContaining("refuses appends").hasMessageContaining("No space left on device");
            assertThatThrownBy(() -> wal.awaitDurable(50)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("No space left on device");
            long unconfirmed = 50;
            waiters.add(CompletableFuture.runAsync(() -> {
                try {
                    wal.awaitDurable(unconfirmed);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThatThrownBy(() -> waiters.get(0).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(StorageException.class);
        }
        try (FileWriteAheadLog reopened = FileWriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(reopened.recoveryReport().tornTail()).isPresent();
            assertThat(reopened.nextSequence()).isEqualTo(confirmedDurable);
            List<byte[]> read = new ArrayList<>();
            reopened.read(0, confirmedDurable, (sequence, bytes) -> {
                assertThat(bytes).isEqualTo(entry(sequence));
                read.add(bytes);
            });
            assertThat(read).hasSize((int) confirmedDurable);
        }
    }

    @Test
    void everyWaiterOfTheFailedGroupGetsTheError() throws Exception {
        AtomicLong budget = new AtomicLong(16 + 10 * (8 + ENTRY));
        SegmentChannels fillsUp = (file, options) -> new FailingChannel(FileChannel.open(file, options), budget);
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults(), fillsUp)) {
            for (long s = 0; s < 10; s++) {
                wal.awaitDurable(wal.append(entry(s)));
            }
            List<CompletableFuture<Void>> waiters = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                waiters.add(CompletableFuture.runAsync(() -> {
                    long sequence = -1;
                    try {
                        sequence = wal.append(entry(0)); // refused if the group before failed already
                        wal.awaitDurable(sequence);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } catch (StorageException e) {
                        if (!e.getMessage().contains("No space left on device")) {
                            throw e;
                        }
                        return;
                    }
                    throw new AssertionError("entry " + sequence + " reported durable on a full disk");
                }));
            }
            CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(wal.durableSequence()).isEqualTo(10);
        }
    }

    @Test
    void aFailedFsyncIsNotDurableAndStopsTheLog() throws Exception {
        AtomicLong forcesLeft = new AtomicLong(3);
        SegmentChannels failingSync = (file, options) ->
                new FailingChannel(FileChannel.open(file, options), new AtomicLong(Long.MAX_VALUE), forcesLeft);
        try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults(), failingSync)) {
            for (long s = 0; s < 3; s++) {
                wal.awaitDurable(wal.append(entry(s)));
            }
            long fourth = wal.append(entry(3));
            assertThatThrownBy(() -> wal.awaitDurable(fourth)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("forcing segment " + dir.resolve("00000000000000000000.seg"))
                    .hasMessageContaining("Input/output error");
            assertThat(wal.durableSequence()).isEqualTo(3);
            assertThatThrownBy(() -> wal.append(entry(4))).isInstanceOf(StorageException.class);
        }
    }
}

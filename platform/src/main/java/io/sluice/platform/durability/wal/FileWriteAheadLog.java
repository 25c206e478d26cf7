package io.sluice.platform.durability.wal;

import io.sluice.platform.durability.StorageException;
import io.sluice.platform.durability.log.EntryConsumer;
import io.sluice.platform.durability.log.RecoveryReport;
import io.sluice.platform.durability.log.SegmentChannels;
import io.sluice.platform.durability.log.SegmentedLog;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write-ahead log in a local directory: a {@link SegmentedLog} written by one daemon thread,
 * {@code sluice-wal-<dir>}, with group commit (see {@link GroupCommit}). Opening recovers the
 * directory: a torn tail is cut, corruption fails the open unless {@link WalOptions#skipCorrupt()}
 * ({@link #recoveryReport()} says what was found; entries skipped as corrupt are then left out of
 * {@link #read}, so the consumer sees a gap in the sequences). With {@link Durability#OFF} nothing
 * touches the disk: sequences start at 0 and entries are dropped.
 *
 * <pre>{@code
 * try (FileWriteAheadLog wal = FileWriteAheadLog.open(checkpointDir.resolve("wal"), WalOptions.defaults())) {
 *     wal.awaitDurable(wal.append(block));
 * }
 * }</pre>
 */
public final class FileWriteAheadLog implements WriteAheadLog {
    private final Path dir;
    private final Durability durability;
    private final SegmentedLog log; // null when OFF
    private final GroupCommit commit; // null when OFF
    private final Thread writer; // null when OFF
    private final AtomicLong unloggedSequence = new AtomicLong();

    private FileWriteAheadLog(Path dir, WalOptions options, SegmentedLog log) {
        this.dir = dir;
        this.durability = options.durability();
        this.log = log;
        if (log == null) {
            commit = null;
            writer = null;
            return;
        }
        commit = new GroupCommit(log, durability == Durability.FSYNC, options.maxQueuedBytes());
        writer = new Thread(commit, "sluice-wal-" + dir);
        writer.setDaemon(true);
        writer.start();
    }

    /** Opens (creating if needed) the write-ahead log in {@code dir}, recovering what a crash left. */
    public static FileWriteAheadLog open(Path dir, WalOptions options) {
        return open(dir, options, SegmentChannels.DEFAULT);
    }

    /** As {@link #open(Path, WalOptions)}, writing through {@code channels} (tests inject failing ones). */
    static FileWriteAheadLog open(Path dir, WalOptions options, SegmentChannels channels) {
        if (options.durability() == Durability.OFF) {
            return new FileWriteAheadLog(dir, options, null);
        }
        return new FileWriteAheadLog(dir, options, SegmentedLog.open(dir, options.logOptions(), channels));
    }

    @Override
    public long append(byte[] entry) {
        return commit == null ? unloggedSequence.getAndIncrement() : commit.append(entry);
    }

    @Override
    public void awaitDurable(long sequence) throws InterruptedException {
        if (commit != null) {
            commit.awaitDurable(sequence);
        }
    }

    @Override
    public long durableSequence() {
        return commit == null ? unloggedSequence.get() : commit.durableSequence();
    }

    @Override
    public long nextSequence() {
        return commit == null ? unloggedSequence.get() : commit.nextSequence();
    }

    @Override
    public void read(long from, long to, EntryConsumer consumer) {
        if (log == null) {
            throw new StorageException("the write-ahead log in " + dir + " has durability OFF: entries " + from
                    + " to " + to + " were never stored");
        }
        long durable = commit.durableSequence();
        if (to > durable) {
            throw new IllegalArgumentException("cannot read entries [" + from + ", " + to + ") of the write-ahead log in "
                    + dir + ": entries below " + durable + " are durable");
        }
        log.read(from, to, consumer);
    }

    @Override
    public void deleteBefore(long sequence) {
        if (log != null) {
            log.deleteBefore(sequence);
        }
    }

    /** What recovery found at open (empty when OFF). */
    public RecoveryReport recoveryReport() {
        return log == null ? RecoveryReport.clean() : log.recoveryReport();
    }

    /** The durability level it was opened with. */
    public Durability durability() {
        return durability;
    }

    /** Stops accepting appends, writes (and forces) what is queued, stops the writer, closes the files. */
    @Override
    public void close() {
        if (commit == null) {
            return;
        }
        commit.close();
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        log.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "write-ahead log in " + dir + " (" + durability + ")";
    }
}

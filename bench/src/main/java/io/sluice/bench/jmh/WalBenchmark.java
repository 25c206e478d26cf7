package io.sluice.bench.jmh;

import io.sluice.platform.durability.wal.Durability;
import io.sluice.platform.durability.wal.FileWriteAheadLog;
import io.sluice.platform.durability.wal.WalOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The receiver path's write-ahead log: entries per second through {@link FileWriteAheadLog} with
 * group commit, from as many appender threads as JMH's {@code -t} (2, 4, 16). {@code appendAndAwait}
 * is a receiver that stores one entry and waits until it is durable before the next (an MQTT
 * client acknowledging each message); {@code appendBurstThenAwait} stores {@value #BURST} entries and
 * waits for the last (a receiver acknowledging a block); {@code baselineWriteAndForceEach} is the same
 * without group commit (each appender writes and forces itself). Scores are entries per second. The log is
 * written under {@code -Dsluice.bench.walDir} (default: the temp directory) and trimmed every iteration.
 *
 * <pre>{@code
 * java -cp bench/target/sluice-bench.jar org.openjdk.jmh.Main -f 1 -t 16 WalBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WalBenchmark {
    static final int BURST = 1000;

    @Param({"100", "10240"})
    public int entryBytes;

    @Param({"FSYNC", "OS_BUFFER"})
    public Durability durability;

    private Path dir;
    private FileWriteAheadLog wal;
    private byte[] entry;
    private FileChannel baseline;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path parent = Path.of(System.getProperty("sluice.bench.walDir", System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory(parent, "wal-bench");
        wal = FileWriteAheadLog.open(dir, WalOptions.defaults().withDurability(durability));
        entry = new byte[entryBytes];
        Arrays.fill(entry, (byte) 'x');
        baseline = FileChannel.open(dir.resolve("baseline.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** Keeps the disk footprint to about one iteration's entries. */
    @Setup(Level.Iteration)
    public void trim() throws IOException {
        wal.deleteBefore(wal.durableSequence());
        synchronized (baseline) {
            baseline.truncate(0);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        wal.close();
        baseline.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The baseline for {@code appendAndAwait} with FSYNC: no group commit, each appender writes its
     * entry and forces the file itself (serialized, as appends to one file must be).
     */
    @Benchmark
    public long baselineWriteAndForceEach() throws IOException {
        synchronized (baseline) {
            ByteBuffer buffer = ByteBuffer.wrap(entry);
            while (buffer.hasRemaining()) {
                baseline.write(buffer);
            }
            baseline.force(false);
            return baseline.position();
        }
    }

    @Benchmark
    public long appendAndAwait() throws InterruptedException {
        long sequence = wal.append(entry);
        wal.awaitDurable(sequence);
        return sequence;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long appendBurstThenAwait() throws InterruptedException {
        long sequence = 0;
        for (int i = 0; i < BURST; i++) {
            sequence = wal.append(entry);
        }
        wal.awaitDurable(sequence);
        return sequence;
    }
}

package io.sluice.platform.durability.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of a process appending to the WAL at a random moment, several times over one directory:
 * after each restart every entry the dead process was told was durable is there, intact, and the
 * sequences continue.
 */
class FileWriteAheadLogCrashIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Durability.class, names = {"FSYNC", "OS_BUFFER"})
    void everyEntryReportedDurableSurvivesAKill(Durability durability) throws Exception {
        Random random = new Random(42);
        long highestDurable = -1;
        for (int run = 0; run < 4; run++) {
            long reported = killAfter(durability, 50 + random.nextInt(2000));
            highestDurable = Math.max(highestDurable, reported);
            try (FileWriteAheadLog wal = FileWriteAheadLog.open(dir, WalOptions.defaults().withSegmentSize(64 * 1024))) {
                assertThat(wal.nextSequence()).isGreaterThan(highestDurable);
                long[] next = {0};
                wal.read(0, wal.nextSequence(), (sequence, entry) -> {
                    assertThat(sequence).isEqualTo(next[0]++);
                    assertThat(entry).isEqualTo(WalCrashChild.entry(sequence));
                });
                assertThat(next[0]).isEqualTo(wal.nextSequence());
            }
        }
    }

    /** Starts the child, SIGKILLs it once it reported {@code reports} durable entries; returns the highest reported. */
    private long killAfter(Durability durability, int reports) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WalCrashChild.class.getName(), dir.toString(), durability.name(), "4")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            CompletableFuture<Long> highest = CompletableFuture.supplyAsync(() -> {
                long max = -1;
                int seen = 0;
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while (seen < reports && (line = out.readLine()) != null) {
                        if (line.startsWith("durable ")) {
                            max = Math.max(max, Long.parseLong(line.substring(8)));
                            seen++;
                        }
                    }
                    child.toHandle().destroyForcibly(); // SIGKILL on Unix; leaves stdout open to drain
                    while ((line = out.readLine()) != null) { // printed before the kill landed: durable too
                        if (line.startsWith("durable ")) {
                            max = Math.max(max, Long.parseLong(line.substring(8)));
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return max;
            });
            long max = highest.get(120, TimeUnit.SECONDS);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(max).isGreaterThanOrEqualTo(0);
            return max;
        } finally {
            child.destroyForcibly();
        }
    }
}

package io.sluice.platform.durability.wal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link FileWriteAheadLogCrashIT} kills: {@code threads} appenders each append entries
 * forever and print {@code durable <sequence>} once {@code awaitDurable} returned for it.
 * Arguments: directory, durability, threads.
 */
public final class WalCrashChild {
    private WalCrashChild() {}

    static byte[] entry(long sequence) {
        return ("entry " + sequence + " " + "w".repeat((int) (sequence % 97))).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        FileWriteAheadLog wal = FileWriteAheadLog.open(Path.of(args[0]),
                WalOptions.defaults().withDurability(Durability.valueOf(args[1])).withSegmentSize(64 * 1024));
        int threads = Integer.parseInt(args[2]);
        Object stdout = new Object();
        for (int t = 0; t < threads; t++) {
            Thread appender = new Thread(() -> {
                try {
                    while (true) {
                        long sequence;
                        synchronized (WalCrashChild.class) { // so entry content matches its sequence
                            sequence = wal.append(entry(wal.nextSequence()));
                        }
                        wal.awaitDurable(sequence);
                        synchronized (stdout) {
                            System.out.println("durable " + sequence);
                            System.out.flush();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            appender.start();
        }
        System.out.println("started at " + wal.nextSequence());
        System.out.flush();
    }
}

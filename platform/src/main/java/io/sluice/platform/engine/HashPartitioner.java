package io.sluice.platform.engine;

/**
 * Which shuffle partition a key goes to: its {@code hashCode()}, spread, modulo the partition count.
 * Deterministic for keys with value-based hash codes (strings, numbers, records of those), and
 * independent of thread count, so the same keys always land in the same partitions (and keyed
 * state stays where its key goes). {@code null} goes to partition 0.
 */
public final class HashPartitioner {
    private HashPartitioner() {
    }

    public static int partition(Object key, int partitions) {
        if (key == null) {
            return 0;
        }
        int h = key.hashCode();
        return Math.floorMod(h ^ (h >>> 16), partitions);
    }
}

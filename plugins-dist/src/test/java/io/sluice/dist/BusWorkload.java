package io.sluice.dist;

/**
 * The reference computation of WORKLOAD.md, written independently of the generator plugin: the
 * occupancy of every bus after the first {@code n} events, by a plain loop.
 */
final class BusWorkload {
    private BusWorkload() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** occupancy[bus] after events 0..n-1 with {@code buses} buses. */
    static long[] occupancyAfter(long n, int buses) {
        long[] occupancy = new long[buses];
        for (long k = 0; k < n; k++) {
            int r = (int) (mix64(42L + k) & 0x7fffffff);
            int boarded = r % 6;
            int alighted = (r / 6) % 6;
            occupancy[(int) (k % buses)] += boarded - alighted;
        }
        return occupancy;
    }

    static int capacity(int bus) {
        return switch (bus % 3) {
            case 0 -> 60;
            case 1 -> 80;
            default -> 120;
        };
    }

    static String busId(int bus) {
        return String.format("bus-%04d", bus);
    }
}

package io.sluice.connectors.kafka;

/**
 * Splits a record budget across partitions fairly (max-min fairness): a partition with less available than
 * an equal share takes what it has, and what it leaves is shared by the others.
 */
final class FairShare {
    private FairShare() {
    }

    /**
     * @param available offsets available per partition (each already capped by the per-partition limit)
     * @param budget    the most to take in all ({@link Long#MAX_VALUE}: unlimited)
     * @return how many to take per partition, in the order of {@code available}; the sum is at most {@code budget}
     */
    static long[] allocate(long[] available, long budget) {
        int n = available.length;
        long[] taken = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(available[a], available[b]));
        long left = Math.max(0, budget);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            long remaining = n - k;
            long cap = left / remaining + (left % remaining == 0 ? 0 : 1);   // the equal share, rounded up
            taken[i] = Math.min(available[i], cap);
            left -= taken[i];
        }
        return taken;
    }
}

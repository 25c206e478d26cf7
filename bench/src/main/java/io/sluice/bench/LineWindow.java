package io.sluice.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Events per line over the last {@code length} batches, sliding every batch: the window of
 * WORKLOAD.md step 6 computed from per-batch counts (what a pipeline without a window operation
 * does in a foreach-batch action). Not thread-safe: fed once per batch.
 */
final class LineWindow {
    static final int BATCHES = 10;

    private final int length;
    private final Deque<Map<String, Long>> batches = new ArrayDeque<>();

    LineWindow(int length) {
        this.length = length;
    }

    /** Adds one batch's counts and returns the window's counts after it. */
    Map<String, Long> slide(Map<String, Long> batchCounts) {
        batches.addLast(batchCounts);
        if (batches.size() > length) {
            batches.removeFirst();
        }
        Map<String, Long> total = new HashMap<>();
        for (Map<String, Long> batch : batches) {
            batch.forEach((line, n) -> total.merge(line, n, Long::sum));
        }
        return total;
    }
}

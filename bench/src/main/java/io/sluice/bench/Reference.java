package io.sluice.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected results, from a plain sequential loop over the events' values (no JSON, no
 * threads): the check every mode's outcome must pass, as WORKLOAD.md requires.
 */
final class Reference {
    private Reference() {
    }

    static Outcome compute(long events, int batches) {
        long[] occupancy = new long[Workload.BUSES];
        boolean[] seen = new boolean[Workload.BUSES];
        List<Long> alerts = new ArrayList<>(batches);
        LineWindow window = new LineWindow(LineWindow.BATCHES);
        Map<String, Long> lastWindow = Map.of();
        for (int b = 0; b < batches; b++) {
            long[] lineCounts = new long[Workload.LINES];
            for (long k = BenchOptions.batchStart(events, batches, b); k < BenchOptions.batchStart(events, batches, b + 1); k++) {
                int bus = Workload.bus(k);
                occupancy[bus] += Workload.delta(k);
                seen[bus] = true;
                lineCounts[Workload.line(bus)]++;
            }
            long over = 0;
            for (int bus = 0; bus < Workload.BUSES; bus++) {
                if (seen[bus] && occupancy[bus] >= Workload.capacity(bus)) {
                    over++;
                }
            }
            alerts.add(over);
            Map<String, Long> counts = new HashMap<>();
            for (int line = 0; line < Workload.LINES; line++) {
                if (lineCounts[line] > 0) {
                    counts.put(Workload.lineId(line), lineCounts[line]);
                }
            }
            lastWindow = window.slide(counts);
        }
        Map<String, Long> finalOccupancy = new HashMap<>();
        for (int bus = 0; bus < Workload.BUSES; bus++) {
            if (seen[bus]) {
                finalOccupancy.put(Workload.busId(bus), occupancy[bus]);
            }
        }
        return new Outcome(0, 0, finalOccupancy, alerts, lastWindow, "reference loop");
    }

    /**
     * Why {@code actual} differs from {@code expected}, or {@code null} when it does not. After the
     * full 10M events the figures WORKLOAD.md states are checked too (sum 3712, 609 at or over).
     */
    static String mismatch(Outcome expected, Outcome actual, long events) {
        if (!expected.occupancy().equals(actual.occupancy())) {
            return "final occupancies differ from the plain loop's (" + actual.occupancy().size() + " buses vs "
                    + expected.occupancy().size() + ")";
        }
        if (!expected.alertsPerBatch().equals(actual.alertsPerBatch())) {
            return "alerts per batch " + actual.alertsPerBatch() + " instead of " + expected.alertsPerBatch();
        }
        if (!expected.lineWindow().equals(actual.lineWindow())) {
            return "events per line over the last window differ: " + actual.lineWindow();
        }
        if (events == 10_000_000L) {
            long sum = actual.occupancy().values().stream().mapToLong(Long::longValue).sum();
            long last = actual.alertsPerBatch().get(actual.alertsPerBatch().size() - 1);
            if (sum != 3712 || last != 609) {
                return "after 10M events WORKLOAD.md states sum 3712 and 609 buses at or over capacity; got "
                        + sum + " and " + last;
            }
        }
        return null;
    }
}

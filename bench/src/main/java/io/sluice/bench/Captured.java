package io.sluice.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pipeline's outputs saw, batch by batch: the alert count, the occupancies and the line
 * window (as computed by the engine's window operation). Outputs of one batch may be delivered from different threads, hence the monitor.
 */
final class Captured {
    private final List<Long> alertsPerBatch = new ArrayList<>();
    private Map<String, Long> occupancy = Map.of();
    private Map<String, Long> lineWindow = Map.of();

    synchronized void alerts(long count) {
        alertsPerBatch.add(count);
    }

    synchronized void occupancy(Map<String, Long> byBus) {
        occupancy = new HashMap<>(byBus);
    }

    /** The window's counts as computed by the engine's window operation. */
    synchronized void lineWindow(Map<String, Long> windowCounts) {
        lineWindow = new HashMap<>(windowCounts);
    }

    synchronized Outcome outcome(BatchDriver.Times times, String windowHow) {
        return new Outcome(times.processingNanos(), times.cpuNanos(), occupancy, List.copyOf(alertsPerBatch), lineWindow, windowHow);
    }
}

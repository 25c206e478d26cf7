package io.sluice.bench;

import java.util.List;
import java.util.Map;

/**
 * What one run computed, and how long its batches took to process.
 *
 * @param processingNanos the sum of the batches' processing times
 * @param cpuNanos        CPU time the process used while processing them (all threads)
 * @param occupancy       the final occupancy of every bus, by bus id
 * @param alertsPerBatch  per batch, how many buses were at or over capacity
 * @param lineWindow      per line id, the events of the last window (10 batches) after the last batch
 * @param windowHow       how the window was computed (the engine's window operation or foreach-batch)
 */
record Outcome(long processingNanos, long cpuNanos, Map<String, Long> occupancy, List<Long> alertsPerBatch,
               Map<String, Long> lineWindow, String windowHow) {
}

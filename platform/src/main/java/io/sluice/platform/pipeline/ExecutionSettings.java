package io.sluice.platform.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pipeline file asks to be run, beyond its graph: checkpointing, the write-ahead log and rate
 * control (the top-level keys {@code checkpoint-interval}, {@code write-ahead-log},
 * {@code backpressure}, {@code backpressure-initial-rate}, {@code max-rate-per-source}).
 *
 * @param checkpointInterval how often to checkpoint, if set
 * @param writeAheadLog      {@code fsync}, {@code os-buffer} or {@code off}
 * @param skipCorruptLog     whether a corrupt write-ahead-log entry is skipped at restart
 * @param backpressure       whether a PID controller adapts source rates
 * @param initialRate        records per second per source before the first measurement, if set
 * @param maxRatePerSource   a fixed ceiling in records per second per source, if set
 */
public record ExecutionSettings(Optional<Duration> checkpointInterval, String writeAheadLog, boolean skipCorruptLog,
        boolean backpressure,
        Optional<Long> initialRate, Optional<Long> maxRatePerSource) {

    public ExecutionSettings {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(writeAheadLog, "writeAheadLog");
        Objects.requireNonNull(initialRate, "initialRate");
        Objects.requireNonNull(maxRatePerSource, "maxRatePerSource");
    }

    /** The defaults: checkpoints every 10 batches, fsync'ed write-ahead log, no rate control. */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(Optional.empty(), "fsync", false, false, Optional.empty(), Optional.empty());
    }
}

package io.sluice.platform.engine;

import io.sluice.platform.stream.EngineClock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of one streaming context, validated.
 *
 * @param pipelineName              the pipeline's name (logs, thread names, component contexts)
 * @param batchInterval             time between batches
 * @param clock                     where time comes from
 * @param parallelism               worker threads
 * @param shufflePartitions         partitions of keyed steps and of queue/receiver inputs; with a
 *                                  fixed value, results do not depend on {@code parallelism}
 * @param maxBatchAttempts          attempts per batch when it fails with a retriable exception
 * @param retryBackoff              wait before the first retry, doubled before each next one
 * @param receiverMaxPendingRecords records a receiver may have accepted but not yet processed
 *                                  before {@code store} blocks (backpressure)
 * @param checkpointing             how work survives a crash, or {@code null} for not at all
 * @param backpressure              how fast sources may feed batches
 */
public record EngineSettings(String pipelineName, Duration batchInterval, EngineClock clock, int parallelism,
        int shufflePartitions, int maxBatchAttempts, Duration retryBackoff, int receiverMaxPendingRecords,
        CheckpointSettings checkpointing, BackpressureSettings backpressure) {

    public EngineSettings {
        Objects.requireNonNull(pipelineName, "pipelineName");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(backpressure, "backpressure");
        if (batchInterval == null || batchInterval.toMillis() < 1) {
            throw new IllegalArgumentException("batch interval must be at least 1 ms: " + batchInterval);
        }
        requireAtLeast(1, parallelism, "parallelism");
        requireAtLeast(1, shufflePartitions, "shufflePartitions");
        requireAtLeast(1, maxBatchAttempts, "maxBatchAttempts");
        requireAtLeast(1, receiverMaxPendingRecords, "receiverMaxPendingRecords");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoff must not be negative: " + retryBackoff);
        }
    }

    private static void requireAtLeast(int min, int value, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    /** How work survives a crash, if it is to. */
    public Optional<CheckpointSettings> checkpoint() {
        return Optional.ofNullable(checkpointing);
    }

    public long intervalMillis() {
        return batchInterval.toMillis();
    }
}

package io.sluice.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Identifies one micro-batch: its sequence number (from 1, gap-free, stable across restarts, so a
 * re-run of batch 7 after a crash is batch 7 again), the batch time (the end of its interval on
 * the engine's clock) and the interval. Sinks key idempotent or transactional writes by
 * {@link #id()}.
 *
 * <pre>{@code
 * String file = "out-" + batch.id() + ".jsonl";
 * }</pre>
 *
 * @param id       batch sequence number, starting at 1
 * @param time     the batch time
 * @param interval the pipeline's batch interval
 */
public record BatchInfo(long id, Instant time, Duration interval) {
    public BatchInfo {
        if (id < 1) {
            throw new IllegalArgumentException("batch id must be >= 1: " + id);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(interval, "interval");
    }
}

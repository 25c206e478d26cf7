package io.sluice.platform.engine;

/**
 * How fast sources may feed batches.
 *
 * @param enabled     whether a PID controller (Spark's) adapts each source's rate so that batches
 *                    are processed within the batch interval
 * @param initialRate records per second per source before the controller has measured anything
 *                    (0: unlimited)
 * @param minRate     the controller never goes below this (records per second per source)
 * @param maxRate     a fixed ceiling per source, with or without the controller (0: none)
 */
public record BackpressureSettings(boolean enabled, long initialRate, long minRate, long maxRate) {
    public static final BackpressureSettings OFF = new BackpressureSettings(false, 0, 100, 0);

    public BackpressureSettings {
        if (initialRate < 0 || maxRate < 0 || minRate < 1) {
            throw new IllegalArgumentException("rates must not be negative and the minimum rate at least 1: initial "
                    + initialRate + ", min " + minRate + ", max " + maxRate);
        }
    }

    /** Whether sources are limited at all. */
    boolean limits() {
        return enabled || maxRate > 0;
    }
}

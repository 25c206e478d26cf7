package io.sluice.platform.engine;

import java.util.OptionalDouble;

/**
 * One source's ingestion limit: the fixed maximum rate and, with backpressure, the rate the
 * {@link PidRateEstimator} derives from finished batches. Expressed per batch: how many records the
 * next batch may take ({@link Long#MAX_VALUE} when unlimited). Runner thread only.
 */
final class RateController {
    private final BackpressureSettings settings;
    private final long intervalMillis;
    private final PidRateEstimator estimator;
    private double rate;

    RateController(BackpressureSettings settings, long intervalMillis) {
        this.settings = settings;
        this.intervalMillis = intervalMillis;
        this.estimator = settings.enabled() ? PidRateEstimator.standard(intervalMillis, settings.minRate()) : null;
        this.rate = settings.enabled() && settings.initialRate() > 0 ? settings.initialRate() : Double.POSITIVE_INFINITY;
    }

    /** Records the next batch may take from the source. */
    long maxRecordsPerBatch() {
        double limit = rate;
        if (settings.maxRate() > 0) {
            limit = Math.min(limit, settings.maxRate());
        }
        if (Double.isInfinite(limit)) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (long) Math.ceil(limit * intervalMillis / 1000.0));
    }

    /** A batch finished: feeds the estimator (with backpressure on). */
    void batchCompleted(long timeMillis, long records, long processingMillis, long schedulingMillis) {
        if (estimator == null) {
            return;
        }
        OptionalDouble next = estimator.compute(timeMillis, records, processingMillis, schedulingMillis);
        if (next.isPresent()) {
            rate = next.getAsDouble();
        }
    }

    /** The current rate in records per second, or infinity. */
    double rate() {
        return rate;
    }
}

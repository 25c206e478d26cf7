package io.sluice.platform.engine;

import java.util.OptionalDouble;

/**
 * Spark Streaming's PID rate estimator: from each finished batch (its time, how many records a
 * source fed it, how long it took and how long it waited), the ingestion rate (records per second)
 * that keeps processing within the batch interval. The error is the gap between the last rate and
 * the observed processing rate; the integral term is the backlog the scheduling delay stands for;
 * the derivative follows the error's change. Never below {@code minRate}.
 */
final class PidRateEstimator {
    private final long intervalMillis;
    private final double proportional;
    private final double integral;
    private final double derivative;
    private final double minRate;
    private boolean firstRun = true;
    private long latestTime = -1;
    private double latestRate = -1;
    private double latestError = -1;

    PidRateEstimator(long intervalMillis, double proportional, double integral, double derivative, double minRate) {
        if (intervalMillis <= 0 || proportional < 0 || integral < 0 || derivative < 0 || minRate <= 0) {
            throw new IllegalArgumentException("invalid PID settings: interval " + intervalMillis + " ms, P "
                    + proportional + ", I " + integral + ", D " + derivative + ", min rate " + minRate);
        }
        this.intervalMillis = intervalMillis;
        this.proportional = proportional;
        this.integral = integral;
        this.derivative = derivative;
        this.minRate = minRate;
    }

    /** Spark's defaults: P 1.0, I 0.2, D 0.0. */
    static PidRateEstimator standard(long intervalMillis, double minRate) {
        return new PidRateEstimator(intervalMillis, 1.0, 0.2, 0.0, minRate);
    }

    /**
     * @param timeMillis        the batch time
     * @param records           records the source fed the batch
     * @param processingMillis  how long the batch took
     * @param schedulingMillis  how long it waited before starting
     * @return the new rate, or empty when the batch says nothing (no records, no time, first batch)
     */
    OptionalDouble compute(long timeMillis, long records, long processingMillis, long schedulingMillis) {
        if (timeMillis <= latestTime || records <= 0 || processingMillis <= 0) {
            return OptionalDouble.empty();
        }
        double delaySinceUpdate = (timeMillis - latestTime) / 1000.0;
        double processingRate = records / (double) processingMillis * 1000;
        double error = latestRate - processingRate;
        double historicalError = schedulingMillis * processingRate / intervalMillis;
        double dError = (error - latestError) / delaySinceUpdate;
        double newRate = Math.max(latestRate - proportional * error - integral * historicalError - derivative * dError,
                minRate);
        latestTime = timeMillis;
        if (firstRun) {
            latestRate = processingRate;
            latestError = 0;
            firstRun = false;
            return OptionalDouble.empty();
        }
        latestRate = newRate;
        latestError = error;
        return OptionalDouble.of(newRate);
    }
}

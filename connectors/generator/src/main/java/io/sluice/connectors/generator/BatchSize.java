package io.sluice.connectors.generator;

import io.sluice.spi.BatchInfo;
import java.math.BigInteger;

/**
 * How many events a batch should get: a fixed count, or a rate times the batch interval. A rate is
 * turned into counts from the batch id, {@code floor(rate * id * interval) - floor(rate * (id - 1) *
 * interval)}, so fractions carry over exactly, and batch 7 gets the same count whenever it is planned.
 */
@FunctionalInterface
interface BatchSize {
    long eventsFor(BatchInfo batch);

    static BatchSize fixed(long eventsPerBatch) {
        return batch -> eventsPerBatch;
    }

    static BatchSize rate(long eventsPerSecond) {
        BigInteger rate = BigInteger.valueOf(eventsPerSecond);
        BigInteger nanosPerSecond = BigInteger.valueOf(1_000_000_000L);
        return batch -> {
            BigInteger interval = BigInteger.valueOf(batch.interval().toNanos());
            BigInteger dueBefore = rate.multiply(interval).multiply(BigInteger.valueOf(batch.id() - 1)).divide(nanosPerSecond);
            BigInteger dueAfter = rate.multiply(interval).multiply(BigInteger.valueOf(batch.id())).divide(nanosPerSecond);
            return dueAfter.subtract(dueBefore).longValueExact();
        };
    }
}

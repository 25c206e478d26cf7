package io.sluice.platform.engine;

import io.sluice.spi.RetriableException;
import java.time.Duration;

/**
 * v0 failure policy: a batch that fails with a {@link RetriableException} (anywhere in the cause
 * chain) is run again, up to {@code maxAttempts} attempts in all, waiting {@code backoff}, then twice
 * that, and so on (on the engine clock); any other failure, or the last retriable one, fails the
 * batch for good and stops the context.
 */
final class RetryPolicy {
    private static final int MAX_CAUSE_DEPTH = 32;
    private static final int MAX_DOUBLINGS = 16;

    private final int maxAttempts;
    private final Duration backoff;

    RetryPolicy(int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    boolean shouldRetry(Throwable failure, int attemptsSoFar) {
        return attemptsSoFar < maxAttempts && isRetriable(failure);
    }

    /** The wait before attempt {@code attemptsSoFar + 1}. */
    long backoffMillis(int attemptsSoFar) {
        return backoff.toMillis() << Math.min(attemptsSoFar - 1, MAX_DOUBLINGS);
    }

    static boolean isRetriable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}

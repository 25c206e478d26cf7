package io.sluice.platform.stream;

import io.sluice.spi.SluiceException;

/**
 * A batch failed for good (not retriable, or still failing after the retries), so its streaming
 * context stopped. Thrown by {@link StreamingContext#awaitTermination()}; the cause is what the
 * failing step, source or sink threw.
 *
 * <pre>{@code
 * try {
 *     ctx.awaitTermination();
 * } catch (BatchFailedException e) {
 *     log.error("pipeline stopped at batch {}", e.batchId(), e.getCause());
 * }
 * }</pre>
 */
public class BatchFailedException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final long batchId;
    private final int attempts;

    public BatchFailedException(long batchId, int attempts, Throwable cause) {
        super("batch " + batchId + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + cause, cause);
        this.batchId = batchId;
        this.attempts = attempts;
    }

    public long batchId() {
        return batchId;
    }

    public int attempts() {
        return attempts;
    }
}

package io.sluice.spi;

/**
 * A failure that may succeed if the same call is made again later: a broker that is not
 * reachable, a timeout, a leader election in progress. The engine retries the work (with backoff)
 * instead of failing the pipeline.
 *
 * <pre>{@code
 * catch (java.net.ConnectException e) {
 *     throw new RetriableException("broker " + host + " unreachable", e);
 * }
 * }</pre>
 */
public class RetriableException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}

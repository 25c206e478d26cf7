package io.sluice.spi;

/**
 * Root of every exception Sluice and its plugins throw on purpose. Unchecked: callers that can
 * act on a failure catch the intent-revealing subtype ({@link RetriableException},
 * {@link ConnectorException}, {@link io.sluice.spi.config.ConfigException}); everything else
 * propagates to the engine, which fails the batch and reports it.
 *
 * <p>Never log and swallow one of these, and never return {@code null} instead of throwing.
 *
 * <pre>{@code
 * throw new SluiceException("checkpoint directory " + dir + " is not writable", cause);
 * }</pre>
 */
public class SluiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SluiceException(String message) {
        super(message);
    }

    public SluiceException(String message, Throwable cause) {
        super(message, cause);
    }
}

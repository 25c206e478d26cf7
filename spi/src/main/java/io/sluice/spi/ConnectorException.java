package io.sluice.spi;

/**
 * A connector failed in a way that retrying will not fix: authentication refused, a topic that
 * does not exist, data removed by retention. The message must say what to change.
 *
 * <pre>{@code
 * throw new ConnectorException("offset 42 of orders-3 was removed by retention; "
 *         + "set offset-reset: earliest to skip ahead");
 * }</pre>
 */
public class ConnectorException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}

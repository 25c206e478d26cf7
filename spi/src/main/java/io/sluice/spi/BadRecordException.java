package io.sluice.spi;

/**
 * One input record could not be decoded or processed: invalid JSON, a missing field, a value of
 * the wrong type. Thrown by {@link io.sluice.spi.format.RecordFormat#decode} and by operators;
 * the engine sends the record to the {@link ErrorReporter} and the stream goes on.
 *
 * <pre>{@code
 * throw new BadRecordException("field 'boarded' is not a number: \"three\"");
 * }</pre>
 */
public class BadRecordException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public BadRecordException(String message) {
        super(message);
    }

    public BadRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

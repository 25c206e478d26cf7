package io.sluice.platform.durability;

import io.sluice.spi.SluiceException;

/**
 * A durable store (write-ahead log, batch log, checkpoint store) could not read or write its files:
 * an I/O error, a corrupt entry, a file in an unknown format version. The message always names the
 * file and, where one applies, the byte offset, so an operator can find the damage:
 *
 * <pre>{@code
 * throw new StorageException("corrupt entry in segment " + file + " at offset " + offset
 *         + " (sequence " + sequence + ")");
 * }</pre>
 *
 * <p>Not retriable in general: a store that threw while writing refuses further writes, and the
 * engine stops the pipeline rather than report data durable that is not.
 */
public class StorageException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.sluice.platform.durability.codec;

import io.sluice.spi.SluiceException;

/**
 * Bytes that are not a valid encoding: an unknown tag, a length beyond the end of the input, a
 * truncated value, a format version this Sluice does not know, or a value whose class or
 * {@link TypeCodec} is missing. The message says what and at which byte offset (counted from the
 * start of the array or value being decoded); callers add the file and position with
 * {@link #within(String)}.
 *
 * <pre>{@code
 * try {
 *     records = blocks.decode(frame);
 * } catch (CorruptDataException e) {
 *     throw e.within("segment " + segment + " at offset " + frameOffset);
 * }
 * }</pre>
 */
public class CorruptDataException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /** {@code problem} found at byte {@code offset} ({@code -1} if unknown). */
    public CorruptDataException(String problem, long offset) {
        this(problem, offset, null);
    }

    /** {@code problem} found at byte {@code offset} ({@code -1} if unknown), caused by {@code cause}. */
    public CorruptDataException(String problem, long offset, Throwable cause) {
        super(offset < 0 ? problem : problem + " at byte " + offset, cause);
        this.offset = offset;
    }

    private CorruptDataException(String message, long offset, Throwable cause, boolean unused) {
        super(message, cause);
        this.offset = offset;
    }

    /** Where the problem was found, in bytes from the start of the decoded input; {@code -1} if unknown. */
    public long offset() {
        return offset;
    }

    /** The same failure with a context appended to the message, e.g. {@code "in segment 00000042.wal"}. */
    public CorruptDataException within(String context) {
        CorruptDataException wider = new CorruptDataException(getMessage() + " (" + context + ")", offset, getCause(), true);
        wider.setStackTrace(getStackTrace());
        return wider;
    }
}

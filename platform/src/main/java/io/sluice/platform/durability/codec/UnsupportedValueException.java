package io.sluice.platform.durability.codec;

import io.sluice.spi.SluiceException;

/**
 * A value that a {@link ValueCodec} cannot encode: its class is neither a built-in type nor covered
 * by a registered {@link TypeCodec}. The message names the class and where in the value it was
 * found (innermost first); callers add their own context with {@link #within(String)}.
 *
 * <pre>{@code
 * try {
 *     values.write(out, state);
 * } catch (UnsupportedValueException e) {
 *     throw e.within("state of key '" + key + "'");
 *     // cannot encode a value of class com.acme.Reading (element 2 of a list, in state of key 'bus-7'): ...
 * }
 * }</pre>
 */
public class UnsupportedValueException extends SluiceException {
    private static final long serialVersionUID = 1L;
    private static final String HINT = ": register a TypeCodec for it with ValueCodec.with(type, codec)";

    private final String typeName;
    private final String where;
    private final String reason;

    /** A value of class {@code type} cannot be encoded (found at the top of the value). */
    public UnsupportedValueException(Class<?> type) {
        this(type.getName(), null, null, null);
    }

    /** A value of class {@code type} cannot be encoded, for {@code reason} (e.g. "its class is not public"). */
    public UnsupportedValueException(Class<?> type, String reason) {
        this(type.getName(), null, reason, null);
    }

    /** A value of class {@code type} cannot be encoded, for {@code reason}, caused by {@code cause}. */
    public UnsupportedValueException(Class<?> type, String reason, Throwable cause) {
        this(type.getName(), null, reason, cause);
    }

    private UnsupportedValueException(String typeName, String where, String reason, Throwable cause) {
        super("cannot encode a value of class " + typeName + (where == null ? "" : " (" + where + ")")
                + (reason == null ? HINT : ": " + reason), cause);
        this.typeName = typeName;
        this.where = where;
        this.reason = reason;
    }

    /** The name of the class that could not be encoded. */
    public String typeName() {
        return typeName;
    }

    /** Where the value was found, innermost first, or {@code null} if at the top. */
    public String where() {
        return where;
    }

    /**
     * The same failure with an outer context appended, e.g. {@code "state of key 'bus-7'"}: the
     * message then reads {@code "... (element 2 of a list, in state of key 'bus-7')"}.
     */
    public UnsupportedValueException within(String context) {
        UnsupportedValueException wider = new UnsupportedValueException(typeName,
                where == null ? context : where + ", in " + context, reason, getCause());
        wider.setStackTrace(getStackTrace());
        return wider;
    }
}

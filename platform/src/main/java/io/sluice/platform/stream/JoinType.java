package io.sluice.platform.stream;

import java.util.Locale;

/**
 * Which keys a record join ({@link RecordStream#join}) keeps: those on both sides, or also those
 * only on the left, only on the right, or on either.
 *
 * <pre>{@code
 * JoinType.byName("left");   // LEFT
 * }</pre>
 */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL;

    /** The name written in pipeline files: {@code inner}, {@code left}, {@code right}, {@code full}. */
    public String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static JoinType byName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

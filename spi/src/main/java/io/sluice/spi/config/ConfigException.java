package io.sluice.spi.config;

import io.sluice.spi.SluiceException;

/**
 * A configuration value is missing or wrong. Thrown by {@link Validator}s and by
 * {@link ConfigType#convert}; the platform adds the file, line and column of the offending YAML
 * node and reports all such errors of a pipeline at once.
 *
 * <p>A validator of a text value (an expression, a pattern) can point at a character inside it
 * with {@link #at(int, String)}: the reported column becomes the value's column plus that offset.
 *
 * <pre>{@code
 * throw ConfigException.at(9, "unknown field 'capacty' (did you mean 'capacity'?)");
 * }</pre>
 */
public class ConfigException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public ConfigException(String message) {
        this(message, -1, null);
    }

    public ConfigException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    private ConfigException(String message, int offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /**
     * An error at a 0-based character offset inside a text value.
     */
    public static ConfigException at(int offset, String message) {
        return new ConfigException(message, offset, null);
    }

    /** The 0-based character offset inside the value, or {@code -1} when the whole value is wrong. */
    public int offset() {
        return offset;
    }
}

package io.sluice.spi.config;

/**
 * Checks one already-converted configuration value. Runs at validation time ({@code sluice
 * validate}, and before a pipeline starts), never per record. Must be side-effect free.
 *
 * <pre>{@code
 * Validator<Integer> port = v -> {
 *     if (v < 1 || v > 65535) throw new ConfigException("must be a port between 1 and 65535");
 * };
 * }</pre>
 *
 * @param <T> the value type of the key
 */
@FunctionalInterface
public interface Validator<T> {
    /**
     * @throws ConfigException when the value is not acceptable; the message says what would be
     */
    void validate(T value);

    /** A short human description for docs, e.g. {@code "between 1 and 65535"}; empty if none. */
    default String describe() {
        return "";
    }
}

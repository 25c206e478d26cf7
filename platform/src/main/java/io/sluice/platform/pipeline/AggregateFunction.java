package io.sluice.platform.pipeline;

import java.util.Locale;
import java.util.Optional;

/**
 * How {@code reduce-by-key} and {@code update-state} combine the values of one field per key.
 *
 * <pre>{@code
 * AggregateFunction.byName("sum");   // Optional[SUM]
 * }</pre>
 */
public enum AggregateFunction {
    /** The sum of a numeric field. */
    SUM,
    /** The number of records; takes no field. */
    COUNT,
    /** The smallest value of a field. */
    MIN,
    /** The largest value of a field. */
    MAX,
    /** The field's value in the first record (per batch for reduce-by-key, ever for update-state). */
    FIRST,
    /** The field's value in the latest record. */
    LAST;

    /** The name written in YAML: {@code sum}, {@code count}, ... */
    public String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the function reads a field ({@code count()} does not). */
    public boolean takesField() {
        return this != COUNT;
    }

    /** The function called {@code name} in YAML. */
    public static Optional<AggregateFunction> byName(String name) {
        for (AggregateFunction f : values()) {
            if (f.functionName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}

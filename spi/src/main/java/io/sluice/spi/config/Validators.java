package io.sluice.spi.config;

import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Common {@link Validator}s. Each carries a description that appears in the generated docs.
 *
 * <pre>{@code
 * ConfigKey<Integer> max = ConfigKey.integer("max-records").defaultValue(10)
 *         .validate(Validators.atLeast(1)).build();
 * }</pre>
 */
public final class Validators {
    private Validators() {
    }

    /** A number no smaller than {@code min}. */
    public static <N extends Number> Validator<N> atLeast(long min) {
        return described("at least " + min, v -> {
            if (v.doubleValue() < min) {
                throw new ConfigException("must be at least " + min + ", got " + v);
            }
        });
    }

    /** A number within {@code [min, max]}. */
    public static <N extends Number> Validator<N> between(long min, long max) {
        return described("between " + min + " and " + max, v -> {
            if (v.doubleValue() < min || v.doubleValue() > max) {
                throw new ConfigException("must be between " + min + " and " + max + ", got " + v);
            }
        });
    }

    /** A duration strictly greater than zero. */
    public static Validator<Duration> positive() {
        return described("greater than zero", v -> {
            if (v.isZero() || v.isNegative()) {
                throw new ConfigException("must be greater than zero, got " + v);
            }
        });
    }

    /** A string or collection that is not empty. */
    public static <T> Validator<T> notEmpty() {
        return described("not empty", v -> {
            boolean empty = v instanceof CharSequence s ? s.length() == 0
                    : v instanceof Collection<?> c && c.isEmpty();
            if (empty) {
                throw new ConfigException("must not be empty");
            }
        });
    }

    /** A string matching a regular expression (whole match). */
    public static Validator<String> matches(String regex, String whatItIs) {
        Pattern p = Pattern.compile(regex);
        return described(whatItIs, v -> {
            if (!p.matcher(v).matches()) {
                throw new ConfigException("must be " + whatItIs + ", got '" + v + "'");
            }
        });
    }

    /** Attaches a description to a validator lambda. */
    public static <T> Validator<T> described(String description, Validator<T> check) {
        return new Validator<>() {
            @Override
            public void validate(T value) {
                check.validate(value);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}

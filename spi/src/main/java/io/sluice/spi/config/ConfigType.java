package io.sluice.spi.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types a configuration value can have, with the conversion from what a YAML or JSON parser
 * produces ({@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List}, {@code Map}) to the Java type a component reads.
 *
 * <pre>{@code
 * Duration d = (Duration) ConfigType.DURATION.convert("250ms");
 * }</pre>
 */
public enum ConfigType {
    /** Text. Any scalar is accepted and turned into its text. */
    STRING(String.class),
    /** A 32-bit whole number. */
    INT(Integer.class),
    /** A 64-bit whole number. */
    LONG(Long.class),
    /** A floating point number; whole numbers are accepted. */
    DOUBLE(Double.class),
    /** {@code true} or {@code false}. */
    BOOLEAN(Boolean.class),
    /**
     * A duration: a whole number followed by {@code ms}, {@code s}, {@code m}, {@code h} or
     * {@code d} ({@code 500ms}, {@code 10s}), or ISO-8601 ({@code PT1S}).
     */
    DURATION(Duration.class),
    /** One of a fixed set of strings (see {@link ConfigKey#allowedValues()}). */
    ENUM(String.class),
    /** An expression over record fields, e.g. {@code occupancy >= capacity}. */
    EXPRESSION(String.class),
    /** A list of strings; a single scalar is accepted as a list of one. */
    STRING_LIST(List.class),
    /** A mapping from string keys to string values (any scalar value is turned into text). */
    STRING_MAP(Map.class);

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Class<?> javaType;

    ConfigType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type {@link #convert} returns. */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Converts a parsed YAML/JSON value to this type.
     *
     * @throws ConfigException naming the expected type when the value cannot be converted
     */
    public Object convert(Object raw) {
        if (raw == null) {
            throw new ConfigException("must not be null");
        }
        return switch (this) {
            case STRING, EXPRESSION, ENUM -> scalarText(raw);
            case INT -> {
                long v = wholeNumber(raw);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new ConfigException("must be a whole number that fits in 32 bits, got " + raw);
                }
                yield (int) v;
            }
            case LONG -> wholeNumber(raw);
            case DOUBLE -> {
                if (raw instanceof Number n) {
                    yield n.doubleValue();
                }
                yield parseDouble(raw);
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if ("true".equals(raw) || "false".equals(raw)) {
                    yield Boolean.valueOf((String) raw);
                }
                throw new ConfigException("must be true or false, got " + describe(raw));
            }
            case DURATION -> parseDuration(raw);
            case STRING_LIST -> {
                if (raw instanceof List<?> list) {
                    List<String> out = new ArrayList<>(list.size());
                    for (Object o : list) {
                        out.add(scalarText(o));
                    }
                    yield Collections.unmodifiableList(out);
                }
                yield List.of(scalarText(raw));
            }
            case STRING_MAP -> {
                if (!(raw instanceof Map<?, ?> map)) {
                    throw new ConfigException("must be a mapping, got " + describe(raw));
                }
                Map<String, String> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.put(String.valueOf(e.getKey()), scalarText(e.getValue()));
                }
                yield Collections.unmodifiableMap(out);
            }
        };
    }

    private static String scalarText(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new ConfigException("must be a single value (text or number), got " + describe(raw));
    }

    private static long wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new ConfigException("must be a whole number, got " + describe(raw));
    }

    private static double parseDouble(Object raw) {
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new ConfigException("must be a number, got " + describe(raw));
    }

    private static Duration parseDuration(Object raw) {
        if (!(raw instanceof String text)) {
            throw new ConfigException("must be a duration such as 500ms, 10s, 5m, 1h or 1d, got "
                    + describe(raw) + " (a bare number has no unit)");
        }
        String s = text.trim();
        Matcher m = SIMPLE_DURATION.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                // fall through to the error below
            }
        }
        throw new ConfigException("must be a duration such as 500ms, 10s, 5m, 1h or 1d, got '" + s + "'");
    }

    private static String describe(Object raw) {
        if (raw instanceof Map) {
            return "a mapping";
        }
        if (raw instanceof List) {
            return "a list";
        }
        return raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
    }
}

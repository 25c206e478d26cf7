package io.sluice.platform.pipeline.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:default}} in a scalar with the value of the
 * environment variable {@code NAME} (or the default when it is not set); {@code $${} writes a
 * literal {@code ${}. The environment is handed in, never read from the process here.
 *
 * <pre>{@code
 * new Interpolator(Map.of("DIR", "/data")).interpolate("${DIR}/in, ${N:10}, $${X}").value();
 * // "/data/in, 10, ${X}"
 * }</pre>
 */
public final class Interpolator {
    private final Map<String, String> env;

    public Interpolator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A problem at a 0-based offset in the raw text. */
    public record Failure(int offset, String message) {
    }

    /** The interpolated text, and what went wrong (the text is meaningless if anything did). */
    public record Result(String value, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    public Result interpolate(String raw) {
        if (raw.indexOf('$') < 0) {
            return new Result(raw, List.of());
        }
        StringBuilder out = new StringBuilder(raw.length());
        List<Failure> failures = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                i = substitute(raw, i, out, failures);
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return new Result(out.toString(), List.copyOf(failures));
    }

    /** Substitutes the reference starting at {@code start}; returns the offset after it. */
    private int substitute(String raw, int start, StringBuilder out, List<Failure> failures) {
        int close = raw.indexOf('}', start + 2);
        if (close < 0) {
            failures.add(new Failure(start, "unterminated '${' (write '$${' for a literal '${')"));
            return raw.length();
        }
        String body = raw.substring(start + 2, close);
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            failures.add(new Failure(start + 2, "'" + name + "' is not a variable name (letters, digits and '_', "
                    + "not starting with a digit)"));
            return close + 1;
        }
        String value = env.get(name);
        if (value == null && colon >= 0) {
            value = body.substring(colon + 1);
        }
        if (value == null) {
            failures.add(new Failure(start, "environment variable '" + name + "' is not set and has no default"
                    + " (write ${" + name + ":default})"));
            return close + 1;
        }
        out.append(value);
        return close + 1;
    }
}

package io.sluice.platform.pipeline;

import io.sluice.platform.pipeline.internal.DidYouMean;
import io.sluice.spi.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One output field of {@code reduce-by-key} or {@code update-state}: {@code out: "fn(field)"}.
 *
 * <pre>{@code
 * Aggregation.parse("delta", "sum(delta)");    // delta = sum(delta)
 * Aggregation.parse("events", "count()");      // events = count()
 * Aggregation.parse("x", "avg(delta)");        // ConfigException at offset 0: unknown aggregation function 'avg'
 * }</pre>
 *
 * @param outField   the field written to the output records
 * @param function   how values are combined
 * @param inputField the field read from input records; empty exactly for {@code count()}
 */
public record Aggregation(String outField, AggregateFunction function, Optional<String> inputField) {
    private static final List<String> FUNCTIONS = Arrays.stream(AggregateFunction.values())
            .map(AggregateFunction::functionName).toList();

    public Aggregation {
        Objects.requireNonNull(outField, "outField");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(inputField, "inputField");
        if (function.takesField() != inputField.isPresent()) {
            throw new IllegalArgumentException(function.functionName() + "() "
                    + (function.takesField() ? "needs" : "takes no") + " input field");
        }
    }

    /**
     * Parses {@code fn(field)}; whitespace is allowed around the parts.
     *
     * @throws ConfigException with the 0-based offset in {@code spec} of what is wrong
     */
    public static Aggregation parse(String outField, String spec) {
        Scanner s = new Scanner(spec);
        s.skipSpaces();
        int nameStart = s.pos;
        String name = s.identifier();
        if (name.isEmpty()) {
            throw ConfigException.at(nameStart, "expected an aggregation such as sum(amount); functions: "
                    + String.join(", ", FUNCTIONS));
        }
        AggregateFunction function = AggregateFunction.byName(name).orElseThrow(() -> ConfigException.at(nameStart,
                "unknown aggregation function '" + name + "'" + DidYouMean.hint(name, FUNCTIONS, "functions")));
        s.skipSpaces();
        if (!s.take('(')) {
            throw ConfigException.at(s.pos, "expected '(' after '" + name + "', as in " + name
                    + (function.takesField() ? "(amount)" : "()"));
        }
        s.skipSpaces();
        int fieldStart = s.pos;
        String field = s.identifier();
        s.skipSpaces();
        if (!s.atEnd() && s.peek() != ')') {
            throw field.isEmpty()
                    ? ConfigException.at(s.pos, "expected a field name, as in " + name + "(amount)")
                    : ConfigException.at(fieldStart, name + "() takes a field name, not an expression;"
                            + " compute the value in a map step before this one");
        }
        if (!s.take(')')) {
            throw ConfigException.at(s.pos, "missing ')'");
        }
        int closeAt = s.pos - 1;
        s.skipSpaces();
        if (!s.atEnd()) {
            throw ConfigException.at(s.pos, "unexpected '" + spec.substring(s.pos).strip() + "' after " + name + "(...)");
        }
        if (!function.takesField() && !field.isEmpty()) {
            throw ConfigException.at(fieldStart, "count() takes no field: it counts records");
        }
        if (function.takesField() && field.isEmpty()) {
            throw ConfigException.at(closeAt, name + "() needs a field name, as in " + name + "(amount)");
        }
        return new Aggregation(outField, function, field.isEmpty() ? Optional.empty() : Optional.of(field));
    }

    @Override
    public String toString() {
        return outField + " = " + function.functionName() + "(" + inputField.orElse("") + ")";
    }

    /** A cursor over the spec text. */
    private static final class Scanner {
        private final String text;
        private int pos;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        boolean take(char c) {
            if (!atEnd() && peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** A field or function name: a letter or '_', then letters, digits or '_'. */
        String identifier() {
            int start = pos;
            if (!atEnd() && (Character.isLetter(peek()) || peek() == '_')) {
                pos++;
                while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                    pos++;
                }
            }
            return text.substring(start, pos);
        }
    }
}

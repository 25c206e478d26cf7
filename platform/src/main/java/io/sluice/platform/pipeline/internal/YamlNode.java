package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline file as a tree that remembers where everything is written: every node its own
 * location, every mapping entry its key's location, every scalar whether its text can be
 * pointed into. Scalars are already interpolated.
 */
public sealed interface YamlNode {
    Location location();

    /** What the node is, for messages: "a mapping", "a list", "'abc'", "nothing". */
    String describe();

    /** A mapping with its entries in file order (a duplicate key was reported and dropped). */
    record Mapping(Location location, List<Entry> entries) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One {@code key: value} of a mapping. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    /** A list. */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A single value: {@code String}, {@code Integer}, {@code Long}, {@code BigInteger},
     * {@code Double}, {@code Boolean} or {@code null} (an empty value or {@code null}).
     *
     * @param literalOffset the character offset at which the value's text is written verbatim in
     *                      the file (after an opening quote), or -1 when it is not (escapes,
     *                      folding, interpolation): then offsets inside it cannot be located
     * @param blockIndent   for a literal block ({@code |}) whose lines are written verbatim: the
     *                      indentation of its lines, which the value does not contain; else -1
     */
    record Scalar(Location location, Object value, int literalOffset, int blockIndent) implements YamlNode {
        /** A scalar that is not a literal block. */
        public Scalar(Location location, Object value, int literalOffset) {
            this(location, value, literalOffset, -1);
        }

        public String text() {
            return String.valueOf(value);
        }

        public boolean isNull() {
            return value == null;
        }

        @Override
        public String describe() {
            if (value == null) {
                return "nothing";
            }
            return value instanceof String ? "'" + value + "'" : String.valueOf(value);
        }
    }
}

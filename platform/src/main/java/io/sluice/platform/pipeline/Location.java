package io.sluice.platform.pipeline;

import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a pipeline file: 1-based line and column, as editors count them.
 *
 * <pre>{@code
 * new Location("bus.yaml", 12, 7).toString();   // "bus.yaml:12:7"
 * }</pre>
 *
 * @param file   the file name as the user gave it (printed as-is)
 * @param line   1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) implements Comparable<Location> {
    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

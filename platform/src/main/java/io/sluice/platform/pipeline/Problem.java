package io.sluice.platform.pipeline;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a pipeline file, printed as {@code file:line:col: path: message}.
 *
 * <pre>{@code
 * pipeline.yaml:12:7: sinks.alerts.topic: required
 * pipeline.yaml:20:17: streams.alerts.steps[0].filter: unknown field 'capacty'
 * pipeline.yaml:3:9: while parsing a flow sequence: expected ',' or ']', but got <stream end>
 * }</pre>
 *
 * @param location where in the file
 * @param path     the dotted path of the offending value ({@code sources.sensors.limit},
 *                 {@code streams.alerts.steps[0].filter}); empty for problems of the file as a
 *                 whole (YAML syntax), which print without it
 * @param message  what is wrong, in words a user can act on
 */
public record Problem(Location location, String path, String message) implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::location)
            .thenComparing(Problem::path)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Problems sort by position in the file, then path. */
    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? location + ": " + message : location + ": " + path + ": " + message;
    }
}

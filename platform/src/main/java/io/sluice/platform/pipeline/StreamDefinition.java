package io.sluice.platform.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A named stream: the source or stream it reads and the steps applied to it, in order.
 *
 * <pre>{@code
 * StreamDefinition alerts = pipeline.streams().get("alerts");
 * alerts.from();                 // "occupancy"
 * alerts.steps().get(0).type();  // "filter"
 * }</pre>
 *
 * @param name     the stream's name (unique across sources and streams)
 * @param from     the source or stream it reads
 * @param steps    the steps, in order; may be empty (the stream is then its input unchanged)
 * @param location where the stream's name is written
 */
public record StreamDefinition(String name, String from, List<StepDefinition> steps, Location location) {
    public StreamDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        steps = List.copyOf(steps);
        Objects.requireNonNull(location, "location");
    }

    /** Everything the stream reads: {@code from}, then what its steps read (union, join), each once. */
    public List<String> inputs() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(from);
        steps.forEach(step -> all.addAll(step.reads()));
        return List.copyOf(all);
    }

    /** The path used in problems, e.g. {@code streams.alerts}. */
    public String path() {
        return "streams." + name;
    }
}

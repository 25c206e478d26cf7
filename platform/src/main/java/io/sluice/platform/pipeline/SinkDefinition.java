package io.sluice.platform.pipeline;

import io.sluice.platform.plugin.Component;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.SinkFactory;
import java.util.Objects;

/**
 * A named sink of a pipeline: the source or stream it writes, its component and validated
 * configuration.
 *
 * <pre>{@code
 * SinkDefinition out = pipeline.sinks().get("alerts-out");
 * Sink sink = out.component().factory().create(out.config());   // writes out.from()
 * }</pre>
 *
 * @param name      the sink's name
 * @param from      the source or stream it writes ({@code from:} in YAML)
 * @param component the registered sink type ({@code type:} in YAML)
 * @param config    the configuration, validated against the component's spec
 * @param location  where the sink's name is written
 */
public record SinkDefinition(String name, String from, Component<SinkFactory> component, Config config,
        Location location) {
    public SinkDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(location, "location");
    }

    /** The path used in problems, e.g. {@code sinks.alerts-out}. */
    public String path() {
        return "sinks." + name;
    }
}

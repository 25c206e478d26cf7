package io.sluice.platform.pipeline;

import io.sluice.platform.plugin.Component;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.SourceFactory;
import java.util.Objects;

/**
 * A named source of a pipeline: its component and validated configuration.
 *
 * <pre>{@code
 * SourceDefinition sensors = pipeline.sources().get("sensors");
 * Source source = sensors.component().factory().create(sensors.config());
 * }</pre>
 *
 * @param name      the source's name (unique across sources and streams)
 * @param component the registered source type ({@code type:} in YAML)
 * @param config    the configuration, validated against the component's spec
 * @param location  where the source's name is written
 */
public record SourceDefinition(String name, Component<SourceFactory> component, Config config, Location location) {
    public SourceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(location, "location");
    }

    /** The path used in problems, e.g. {@code sources.sensors}. */
    public String path() {
        return "sources." + name;
    }
}

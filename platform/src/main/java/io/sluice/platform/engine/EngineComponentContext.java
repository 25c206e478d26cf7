package io.sluice.platform.engine;

import io.sluice.platform.stream.FormatLookup;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import java.time.Clock;
import java.util.Objects;

/** The engine's {@link ComponentContext}: immutable, so thread-safe. */
record EngineComponentContext(String pipelineName, String componentName, Config config, Clock clock,
        Metrics metrics, ErrorReporter errors, FormatLookup formats) implements ComponentContext {

    EngineComponentContext {
        Objects.requireNonNull(config, "config");
    }

    @Override
    public RecordFormat format(String name) {
        return formats.format(name);
    }

    @Override
    public String toString() {
        return "ComponentContext[" + pipelineName + "/" + componentName + "]";
    }
}

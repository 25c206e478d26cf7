package io.sluice.platform.engine;

import io.sluice.platform.stream.FormatLookup;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.config.Config;
import java.time.Clock;

/**
 * What the engine hands to the nodes of its graph when it opens them: the settings, and the means
 * to build each component's {@link ComponentContext} (clock view, scoped metrics, error reporter,
 * formats).
 */
public final class ComponentEnvironment {
    private final EngineSettings settings;
    private final FormatLookup formats;
    private final MetricsRegistry metrics;
    private final ErrorReporting errors;
    private final Clock javaClock;

    public ComponentEnvironment(EngineSettings settings, FormatLookup formats, MetricsRegistry metrics,
            ErrorReporting errors) {
        this.settings = settings;
        this.formats = formats;
        this.metrics = metrics;
        this.errors = errors;
        this.javaClock = settings.clock().asJavaClock();
    }

    public EngineSettings settings() {
        return settings;
    }

    public MetricsRegistry metrics() {
        return metrics;
    }

    public FormatLookup formats() {
        return formats;
    }

    /** The error reporter of one component. */
    public ErrorReporter errors(String componentName) {
        return errors.forComponent(componentName);
    }

    /** The context a component named {@code componentName} is opened with. */
    public ComponentContext context(String componentName, Config config) {
        return new EngineComponentContext(settings.pipelineName(), componentName, config, javaClock,
                metrics.scoped(componentName), errors(componentName), formats);
    }
}

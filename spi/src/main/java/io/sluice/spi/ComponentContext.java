package io.sluice.spi;

import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import java.time.Clock;

/**
 * The only door from a component to the platform: its validated configuration, the clock, metrics,
 * the error reporter and record formats. Handed to {@code open(...)}; valid until {@code close()}.
 * Thread-safe.
 *
 * <pre>{@code
 * public void open(ComponentContext context) {
 *     this.path = context.config().get(PATH);
 *     this.format = context.format(context.config().get(FORMAT));
 *     this.bad = context.metrics().counter("bad_lines");
 * }
 * }</pre>
 */
public interface ComponentContext {
    /** The {@code name:} of the pipeline. */
    String pipelineName();

    /** The component's name in the pipeline, e.g. {@code sources.sensors} or {@code streams.alerts[1]}. */
    String componentName();

    /** The component's configuration, already validated against its {@code ConfigSpec}. */
    Config config();

    /** The engine's clock. Use it instead of {@code System.currentTimeMillis()} so tests can drive time. */
    Clock clock();

    /** Metrics registered under this component's name. */
    Metrics metrics();

    /** Where bad input and records go. */
    ErrorReporter errors();

    /**
     * A record format by name: {@code json}, {@code text} or {@code bytes}.
     *
     * @throws io.sluice.spi.config.ConfigException if no format has that name
     */
    RecordFormat format(String name);
}

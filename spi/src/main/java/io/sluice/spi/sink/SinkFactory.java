package io.sluice.spi.sink;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.config.Config;

/**
 * Creates sinks of one type. Discovered as a pf4j extension.
 *
 * <pre>{@code
 * @Extension
 * public final class ConsoleSinkFactory implements SinkFactory {
 *     public String type() { return "console"; }
 *     public String description() { return "Prints the first records of each batch."; }
 *     public ConfigSpec configSpec() { return ConsoleSink.SPEC; }
 *     public Sink create(Config config) { return new ConsoleSink(); }
 * }
 * }</pre>
 */
public interface SinkFactory extends ComponentFactory {
    /** Creates a sink for one pipeline, after {@code config} was validated. Must not do I/O. */
    Sink create(Config config);
}

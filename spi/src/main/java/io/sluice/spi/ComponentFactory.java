package io.sluice.spi;

import io.sluice.spi.config.ConfigSpec;
import org.pf4j.ExtensionPoint;

/**
 * What every source, sink and operator factory has in common: a type name, a description and a
 * typed configuration spec. The platform discovers factories as pf4j extensions (from plugins, or
 * from the classpath when embedded) and never instantiates a component without validating its
 * configuration first. Factories are stateless and thread-safe.
 *
 * <p>The type name is what pipeline YAML uses ({@code type: kafka}, {@code - filter: ...}); two
 * plugins claiming the same type name is a load error naming both.
 *
 * <pre>{@code
 * @Extension
 * public final class ConsoleSinkFactory implements SinkFactory {
 *     public String type() { return "console"; }
 *     public String description() { return "Prints the first records of each batch."; }
 *     public ConfigSpec configSpec() { return ConfigSpec.of(ConsoleSink.MAX); }
 *     public Sink create(Config config) { return new ConsoleSink(); }
 * }
 * }</pre>
 */
public interface ComponentFactory extends ExtensionPoint {
    /** The type name used in pipeline YAML: lower case, words joined by {@code -}. */
    String type();

    /** One or two sentences for {@code sluice describe} and the generated docs. */
    String description();

    /** The configuration this component accepts. */
    ConfigSpec configSpec();
}

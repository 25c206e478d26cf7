package io.sluice.spi.source;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.config.Config;

/**
 * Creates sources of one type. Discovered as a pf4j extension.
 *
 * <pre>{@code
 * @Extension
 * public final class FileSourceFactory implements SourceFactory {
 *     public String type() { return "file"; }
 *     public String description() { return "Reads JSON-lines or text files, replayably."; }
 *     public ConfigSpec configSpec() { return FileSource.SPEC; }
 *     public Source create(Config config) { return new FileSource(config); }
 * }
 * }</pre>
 */
public interface SourceFactory extends ComponentFactory {
    /**
     * Creates a source for one pipeline. Called once per source at pipeline start, after
     * {@code config} was validated against {@link #configSpec()}. Must not do I/O: connecting
     * happens when the engine opens the planner, reader or receiver.
     */
    Source create(Config config);
}

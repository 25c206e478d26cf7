package io.sluice.platform.stream;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.format.RecordFormat;

/**
 * Finds record formats by name ({@code json}, {@code text}, {@code bytes}) for components
 * ({@code ComponentContext.format(name)}) and for {@link RecordStream#parse(String)}. The platform's
 * format registry plugs in here; the default knows no format.
 *
 * <pre>{@code
 * StreamingContext.builder().formats(name -> switch (name) {
 *     case "json" -> myJson;
 *     default -> throw new ConfigException("unknown record format '" + name + "'");
 * })
 * }</pre>
 */
@FunctionalInterface
public interface FormatLookup {
    /**
     * The format called {@code name}.
     *
     * @throws ConfigException if there is none
     */
    RecordFormat format(String name);

    /** A lookup that knows no format: every name is a {@link ConfigException}. */
    static FormatLookup none() {
        return name -> {
            throw new ConfigException("no record format named '" + name
                    + "' in this streaming context (give the builder .formats(...))");
        };
    }
}

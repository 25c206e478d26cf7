package io.sluice.platform.format;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.format.RecordFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record formats of one engine, by name. Immutable and thread-safe; create one per engine
 * (each holds its own JSON parser factory, whose property-name table warms up with the data) and
 * hand the same instance to every component.
 *
 * <pre>{@code
 * RecordFormats formats = RecordFormats.standard();
 * RecordFormat json = formats.get("json");        // ConfigException for an unknown name
 * Record event = json.decode(line);
 * }</pre>
 */
public final class RecordFormats {
    private final Map<String, RecordFormat> byName;

    private RecordFormats(Map<String, RecordFormat> byName) {
        this.byName = byName;
    }

    /** {@code json}, {@code text} and {@code bytes}. */
    public static RecordFormats standard() {
        return of(new JsonFormat(), new TextFormat(), new BytesFormat());
    }

    /**
     * @throws IllegalArgumentException if two formats share a name
     */
    public static RecordFormats of(RecordFormat... formats) {
        Map<String, RecordFormat> byName = new LinkedHashMap<>();
        for (RecordFormat format : formats) {
            if (byName.putIfAbsent(format.name(), format) != null) {
                throw new IllegalArgumentException("two record formats are named '" + format.name() + "'");
            }
        }
        return new RecordFormats(byName);
    }

    /**
     * The format called {@code name}.
     *
     * @throws ConfigException naming the known formats if there is none by that name
     */
    public RecordFormat get(String name) {
        RecordFormat format = byName.get(name);
        if (format == null) {
            throw new ConfigException("unknown record format '" + name + "'; known formats: " + String.join(", ", names()));
        }
        return format;
    }

    public Optional<RecordFormat> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The format names, in registration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

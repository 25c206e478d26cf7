package io.sluice.spi.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The complete, ordered set of keys a component accepts. Unknown keys in a pipeline are errors
 * (with a did-you-mean), so every key a component reads must be declared here.
 *
 * <p>A spec may name a <em>shorthand</em> key: when a pipeline step is written with a value that
 * is not a mapping of this spec's keys ({@code - filter: "occupancy >= capacity"}), the whole
 * value is assigned to that key. For a shorthand key of type {@link ConfigType#STRING_MAP}, a
 * mapping is assigned to it whole ({@code - map: {delta: "boarded - alighted"}}).
 *
 * <pre>{@code
 * static final ConfigSpec SPEC = ConfigSpec.of(EXPRESSION).withShorthand(EXPRESSION);
 * }</pre>
 */
public final class ConfigSpec {
    private static final ConfigSpec EMPTY = new ConfigSpec(Map.of(), null);

    private final Map<String, ConfigKey<?>> keys;
    private final ConfigKey<?> shorthand;

    private ConfigSpec(Map<String, ConfigKey<?>> keys, ConfigKey<?> shorthand) {
        this.keys = keys;
        this.shorthand = shorthand;
    }

    /** A spec with no keys. */
    public static ConfigSpec empty() {
        return EMPTY;
    }

    /**
     * @throws IllegalArgumentException if two keys share a name
     */
    public static ConfigSpec of(ConfigKey<?>... keys) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>();
        for (ConfigKey<?> k : keys) {
            if (map.put(k.name(), k) != null) {
                throw new IllegalArgumentException("config key '" + k.name() + "' declared twice");
            }
        }
        return new ConfigSpec(Collections.unmodifiableMap(map), null);
    }

    /** This spec plus {@code more} keys (e.g. a connector's own keys added to shared ones). */
    public ConfigSpec plus(ConfigKey<?>... more) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>(keys);
        for (ConfigKey<?> k : more) {
            if (map.put(k.name(), k) != null) {
                throw new IllegalArgumentException("config key '" + k.name() + "' declared twice");
            }
        }
        return new ConfigSpec(Collections.unmodifiableMap(map), shorthand);
    }

    /** This spec with {@code key} (which must belong to it) as the shorthand. */
    public ConfigSpec withShorthand(ConfigKey<?> key) {
        if (keys.get(key.name()) != key) {
            throw new IllegalArgumentException("shorthand key '" + key.name() + "' is not part of this spec");
        }
        return new ConfigSpec(keys, key);
    }

    /** The keys, in declaration order. */
    public Collection<ConfigKey<?>> keys() {
        return keys.values();
    }

    public Optional<ConfigKey<?>> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    public Optional<ConfigKey<?>> shorthand() {
        return Optional.ofNullable(shorthand);
    }
}

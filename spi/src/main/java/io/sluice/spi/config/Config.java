package io.sluice.spi.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A component's validated configuration. Values are read back with the same {@link ConfigKey}
 * constants that declared them, so they are always of the declared type; a key that was not set
 * yields its default. Immutable and thread-safe; {@link #toString()} masks secrets.
 *
 * <pre>{@code
 * String path = config.get(PATH);              // required: always present
 * Duration poll = config.get(POLL);            // set, or the declared default
 * Optional<String> pw = config.find(PASSWORD); // optional without default
 *
 * // in tests: build and validate a config directly
 * Config c = Config.builder(SPEC).set(PATH, "/tmp/in").build();
 * }</pre>
 */
public final class Config {
    private final ConfigSpec spec;
    private final Map<String, Object> values;

    private Config(ConfigSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = Collections.unmodifiableMap(values);
    }

    public static Builder builder(ConfigSpec spec) {
        return new Builder(spec);
    }

    public ConfigSpec spec() {
        return spec;
    }

    /**
     * The value of {@code key}: the configured value, else its default, else {@code null}.
     *
     * @throws IllegalArgumentException if the key is not part of this config's spec
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        checkDeclared(key);
        Object v = values.get(key.name());
        return v != null ? (T) v : key.defaultValue().orElse(null);
    }

    /** The value of {@code key}, empty when neither set nor defaulted. */
    public <T> Optional<T> find(ConfigKey<T> key) {
        return Optional.ofNullable(get(key));
    }

    /** Whether the pipeline set {@code key} explicitly. */
    public boolean isSet(ConfigKey<?> key) {
        checkDeclared(key);
        return values.containsKey(key.name());
    }

    private void checkDeclared(ConfigKey<?> key) {
        if (spec.key(key.name()).orElse(null) != key) {
            throw new IllegalArgumentException("config key '" + key.name() + "' is not declared in this component's spec");
        }
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (ConfigKey<?> k : spec.keys()) {
            if (values.containsKey(k.name())) {
                j.add(k.name() + "=" + (k.secret() ? "******" : masked(k, values.get(k.name()))));
            }
        }
        return j.toString();
    }

    /** A map value with the entries {@link ConfigKey#isSecretEntry} names masked; any other value as is. */
    private static Object masked(ConfigKey<?> key, Object value) {
        if (key.secretEntryFragments().isEmpty() || !(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<Object, Object> shown = new LinkedHashMap<>();
        map.forEach((name, v) -> shown.put(name, key.isSecretEntry(String.valueOf(name)) ? "******" : v));
        return shown;
    }

    /** Collects values, converting and validating each, and checks required keys on {@link #build()}. */
    public static final class Builder {
        private final ConfigSpec spec;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(ConfigSpec spec) {
            this.spec = spec;
        }

        /** Sets a typed value (validated). */
        public <T> Builder set(ConfigKey<T> key, T value) {
            return setRaw(key.name(), value);
        }

        /**
         * Sets a value as parsed from YAML/JSON, converting it to the key's type and validating it.
         *
         * @throws ConfigException if the key is unknown or the value invalid
         */
        public Builder setRaw(String name, Object raw) {
            ConfigKey<?> key = spec.key(name)
                    .orElseThrow(() -> new ConfigException("unknown key '" + name + "'"));
            values.put(name, key.convertAndValidate(raw));
            return this;
        }

        /**
         * @throws ConfigException naming the first required key that is missing
         */
        public Config build() {
            for (ConfigKey<?> k : spec.keys()) {
                if (k.required() && !values.containsKey(k.name())) {
                    throw new ConfigException("'" + k.name() + "' is required");
                }
            }
            return new Config(spec, new LinkedHashMap<>(values));
        }
    }
}

package io.sluice.spi.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared configuration key: name, type, default, whether it is required, validators,
 * description, example and whether it is a secret. Declare keys as constants beside the code that
 * reads them; the same constant is used to read the value back from {@link Config}.
 *
 * <pre>{@code
 * static final ConfigKey<String> PATH = ConfigKey.string("path")
 *         .description("Directory or glob of the files to read.")
 *         .example("/data/events/*.jsonl")
 *         .required()
 *         .build();
 * static final ConfigKey<Duration> POLL = ConfigKey.duration("poll-interval")
 *         .description("How often to look for new files.")
 *         .defaultValue(Duration.ofSeconds(1))
 *         .validate(Validators.positive())
 *         .build();
 * static final ConfigKey<String> PASSWORD = ConfigKey.string("password")
 *         .description("Broker password.").secret().build();
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {
    private final String name;
    private final ConfigType type;
    private final T defaultValue;
    private final boolean required;
    private final boolean secret;
    private final List<String> secretEntryFragments;
    private final String description;
    private final String example;
    private final List<String> allowedValues;
    private final List<Validator<? super T>> validators;

    private ConfigKey(Builder<T> b) {
        this.name = b.name;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.required = b.required;
        this.secret = b.secret;
        this.secretEntryFragments = List.copyOf(b.secretEntryFragments);
        this.description = b.description;
        this.example = b.example;
        this.allowedValues = List.copyOf(b.allowedValues);
        this.validators = List.copyOf(b.validators);
    }

    public static Builder<String> string(String name) {
        return new Builder<>(name, ConfigType.STRING);
    }

    public static Builder<Integer> integer(String name) {
        return new Builder<>(name, ConfigType.INT);
    }

    public static Builder<Long> longValue(String name) {
        return new Builder<>(name, ConfigType.LONG);
    }

    public static Builder<Double> doubleValue(String name) {
        return new Builder<>(name, ConfigType.DOUBLE);
    }

    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, ConfigType.BOOLEAN);
    }

    public static Builder<Duration> duration(String name) {
        return new Builder<>(name, ConfigType.DURATION);
    }

    /** An expression over record fields; the operator that owns it should add a validator that compiles it. */
    public static Builder<String> expression(String name) {
        return new Builder<>(name, ConfigType.EXPRESSION);
    }

    /** One of {@code values}; the first is not implicitly the default. */
    public static Builder<String> oneOf(String name, String... values) {
        Builder<String> b = new Builder<>(name, ConfigType.ENUM);
        b.allowedValues.addAll(List.of(values));
        return b;
    }

    public static Builder<List<String>> stringList(String name) {
        return new Builder<>(name, ConfigType.STRING_LIST);
    }

    public static Builder<Map<String, String>> stringMap(String name) {
        return new Builder<>(name, ConfigType.STRING_MAP);
    }

    public String name() {
        return name;
    }

    public ConfigType type() {
        return type;
    }

    /** The default, if one is declared. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean required() {
        return required;
    }

    /** Secrets are masked ({@code ******}) wherever configuration is printed or logged. */
    public boolean secret() {
        return secret;
    }

    /**
     * For a {@link ConfigType#STRING_MAP} key whose entries are partly secret (client properties such as
     * {@code sasl.jaas.config} or {@code ssl.keystore.password}): whether the entry named {@code entryName}
     * is masked wherever configuration is printed. Always false unless the key declared
     * {@link Builder#secretEntries}; a {@link #secret()} key is masked whole.
     *
     * @since 0.1.0
     */
    public boolean isSecretEntry(String entryName) {
        String lower = entryName.toLowerCase(java.util.Locale.ROOT);
        return secretEntryFragments.stream().anyMatch(lower::contains);
    }

    /** The name fragments that make an entry of this map key secret (see {@link #isSecretEntry}); usually empty. */
    public List<String> secretEntryFragments() {
        return secretEntryFragments;
    }

    public String description() {
        return description;
    }

    /** An example value for docs, or {@code null}. */
    public String example() {
        return example;
    }

    /** For {@link ConfigType#ENUM}: the accepted values; empty otherwise. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    public List<Validator<? super T>> validators() {
        return validators;
    }

    /**
     * Converts a raw parsed value to this key's type and runs its validators.
     *
     * @throws ConfigException saying what is wrong (the platform adds where)
     */
    @SuppressWarnings("unchecked")
    public T convertAndValidate(Object raw) {
        T value = (T) type.convert(raw);
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            throw new ConfigException("must be one of " + String.join(", ", allowedValues) + ", got '" + value + "'");
        }
        for (Validator<? super T> v : validators) {
            v.validate(value);
        }
        return value;
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** Builds a {@link ConfigKey}. A description is mandatory: undocumented keys do not build. */
    public static final class Builder<T> {
        private final String name;
        private final ConfigType type;
        private T defaultValue;
        private boolean required;
        private boolean secret;
        private final List<String> secretEntryFragments = new ArrayList<>();
        private String description;
        private String example;
        private final List<String> allowedValues = new ArrayList<>();
        private final List<Validator<? super T>> validators = new ArrayList<>();

        private Builder(String name, ConfigType type) {
            if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("config key '" + name + "' must be lower-case words joined by '-'");
            }
            this.name = name;
            this.type = type;
        }

        public Builder<T> description(String text) {
            this.description = text;
            return this;
        }

        public Builder<T> defaultValue(T value) {
            this.defaultValue = Objects.requireNonNull(value);
            return this;
        }

        public Builder<T> required() {
            this.required = true;
            return this;
        }

        public Builder<T> secret() {
            this.secret = true;
            return this;
        }

        /**
         * For a {@link ConfigType#STRING_MAP} key: entries whose name contains one of {@code nameFragments}
         * (case-insensitive) are secrets, masked wherever configuration is printed, while the other entries
         * stay readable.
         *
         * <pre>{@code
         * ConfigKey.stringMap("properties").secretEntries("password", "secret", "jaas", "token")
         * }</pre>
         *
         * @since 0.1.0
         */
        public Builder<T> secretEntries(String... nameFragments) {
            if (type != ConfigType.STRING_MAP) {
                throw new IllegalStateException("config key '" + name + "': secret entries need a string map");
            }
            for (String f : nameFragments) {
                secretEntryFragments.add(f.toLowerCase(java.util.Locale.ROOT));
            }
            return this;
        }

        public Builder<T> example(String value) {
            this.example = value;
            return this;
        }

        public Builder<T> validate(Validator<? super T> validator) {
            this.validators.add(validator);
            return this;
        }

        public ConfigKey<T> build() {
            if (description == null || description.isBlank()) {
                throw new IllegalStateException("config key '" + name + "' has no description");
            }
            if (required && defaultValue != null) {
                throw new IllegalStateException("config key '" + name + "' is required and has a default");
            }
            return new ConfigKey<>(this);
        }
    }
}

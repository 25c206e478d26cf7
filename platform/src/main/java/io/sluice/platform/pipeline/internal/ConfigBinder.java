package io.sluice.platform.pipeline.internal;

import io.sluice.platform.pipeline.Location;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.ConfigType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds YAML values to a {@link ConfigSpec}: converts and validates each value with its
 * {@link ConfigKey}, reports unknown keys (with a did-you-mean), rejected values (at the column a
 * validator points to) and missing required keys, and yields the {@link Config} when all is well.
 */
public final class ConfigBinder {
    private final ProblemCollector problems;

    public ConfigBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    /** One YAML value for one key, and the path to report it under. */
    private record Binding(ConfigKey<?> key, YamlNode value, String path) {
    }

    /**
     * Binds the entries of {@code mapping} except {@code reserved} ones (the caller's own keys,
     * such as {@code type} and {@code from}).
     *
     * @param path   the mapping's path
     * @param holder where the mapping's owner is written, for "required" problems
     * @return the config, or empty when a problem was reported
     */
    public Optional<Config> bindMapping(ConfigSpec spec, YamlNode.Mapping mapping, List<String> reserved, String path,
            Location holder) {
        List<Binding> bindings = new ArrayList<>();
        boolean ok = true;
        for (YamlNode.Entry entry : mapping.entries()) {
            if (reserved.contains(entry.key())) {
                continue;
            }
            Optional<ConfigKey<?>> key = spec.key(entry.key());
            if (key.isPresent()) {
                bindings.add(new Binding(key.get(), entry.value(), Paths.child(path, entry.key())));
            } else {
                List<String> allowed = new ArrayList<>(reserved);
                spec.keys().forEach(k -> allowed.add(k.name()));
                problems.unknownKey(entry, path, allowed);
                ok = false;
            }
        }
        Optional<Config> config = bind(spec, bindings, path, holder);
        return ok ? config : Optional.empty();
    }

    /**
     * Binds a step's value: a mapping of the spec's keys, or a value for its shorthand key (for a
     * {@link ConfigType#STRING_MAP} shorthand, any mapping that is not made of the spec's keys).
     * An empty value binds no keys.
     */
    public Optional<Config> bindStep(ConfigSpec spec, String type, YamlNode value, String path, Location holder) {
        Optional<ConfigKey<?>> shorthand = spec.shorthand();
        if (value instanceof YamlNode.Mapping mapping) {
            if (shorthand.isPresent() && shorthand.get().type() == ConfigType.STRING_MAP
                    && !isMappingOfKeys(spec, mapping, shorthand.get())) {
                return bind(spec, List.of(new Binding(shorthand.get(), value, path)), path, holder);
            }
            return bindMapping(spec, mapping, List.of(), path, holder);
        }
        if (value instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return bind(spec, List.of(), path, holder);
        }
        if (shorthand.isPresent()) {
            return bind(spec, List.of(new Binding(shorthand.get(), value, path)), path, holder);
        }
        List<String> keys = spec.keys().stream().map(ConfigKey::name).toList();
        problems.add(value.location(), path, keys.isEmpty() ? "'" + type + "' takes no settings"
                : "'" + type + "' takes a mapping of its settings (" + String.join(", ", keys) + "), got "
                        + value.describe());
        return Optional.empty();
    }

    private static boolean isMappingOfKeys(ConfigSpec spec, YamlNode.Mapping mapping, ConfigKey<?> shorthand) {
        if (mapping.entries().isEmpty()) {
            return false;
        }
        for (YamlNode.Entry e : mapping.entries()) {
            if (spec.key(e.key()).isEmpty() || e.key().equals(shorthand.name()) && !(e.value() instanceof YamlNode.Mapping)) {
                return false;
            }
        }
        return true;
    }

    private Optional<Config> bind(ConfigSpec spec, List<Binding> bindings, String path, Location holder) {
        Config.Builder builder = Config.builder(spec);
        Set<String> bound = new HashSet<>();
        boolean ok = true;
        for (Binding b : bindings) {
            bound.add(b.key().name());
            try {
                builder.setRaw(b.key().name(), raw(b.value()));
            } catch (ConfigException e) {
                reportRejected(b, e);
                ok = false;
            }
        }
        for (ConfigKey<?> key : spec.keys()) {
            if (key.required() && !bound.contains(key.name())) {
                problems.missing(holder, Paths.child(path, key.name()), "required"
                        + (key.example() == null ? "" : " (e.g. " + key.name() + ": " + key.example() + ")"));
                ok = false;
            }
        }
        return ok ? Optional.of(builder.build()) : Optional.empty();
    }

    /**
     * Reports a rejected value. For a mapping or list, each entry is checked on its own so that a
     * bad entry is reported at its own position; only a fault of the whole is reported at the whole.
     */
    private void reportRejected(Binding b, ConfigException whole) {
        boolean entryReported = false;
        if (b.value() instanceof YamlNode.Mapping mapping && b.key().type() == ConfigType.STRING_MAP) {
            for (YamlNode.Entry e : mapping.entries()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put(e.key(), raw(e.value()));
                entryReported |= check(b.key(), one, e.value(), Paths.child(b.path(), e.key()));
            }
        } else if (b.value() instanceof YamlNode.Sequence sequence && b.key().type() == ConfigType.STRING_LIST) {
            for (int i = 0; i < sequence.items().size(); i++) {
                List<Object> one = new ArrayList<>();
                one.add(raw(sequence.items().get(i)));
                entryReported |= check(b.key(), one, sequence.items().get(i), Paths.index(b.path(), i));
            }
        }
        if (!entryReported) {
            problems.rejected(b.value(), b.path(), whole);
        }
    }

    private boolean check(ConfigKey<?> key, Object raw, YamlNode value, String path) {
        try {
            key.convertAndValidate(raw);
            return false;
        } catch (ConfigException e) {
            problems.rejected(value, path, e);
            return true;
        }
    }

    /** The value as a YAML/JSON parser hands it to {@link ConfigType#convert}. */
    static Object raw(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<Object> list = new ArrayList<>();
            sequence.items().forEach(i -> list.add(raw(i)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ((YamlNode.Mapping) node).entries().forEach(e -> map.put(e.key(), raw(e.value())));
        return map;
    }
}

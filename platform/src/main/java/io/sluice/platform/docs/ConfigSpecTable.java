package io.sluice.platform.docs;

import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.ConfigType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link ConfigSpec} as a Markdown table: one row per key, in declaration order. */
public final class ConfigSpecTable {
    private ConfigSpecTable() {
    }

    public static String render(ConfigSpec spec) {
        if (spec.keys().isEmpty()) {
            return "No configuration.\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| key | type | default | description |\n");
        sb.append("|---|---|---|---|\n");
        for (ConfigKey<?> key : spec.keys()) {
            sb.append("| `").append(key.name()).append('`');
            if (spec.shorthand().orElse(null) == key) {
                sb.append(" (shorthand)");
            }
            sb.append(" | ").append(typeName(key))
                    .append(" | ").append(defaultText(key))
                    .append(" | ").append(escape(describe(key)))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static String typeName(ConfigKey<?> key) {
        if (key.type() == ConfigType.ENUM) {
            return key.allowedValues().stream().map(v -> "`" + v + "`").collect(Collectors.joining(" \\| "));
        }
        return key.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String defaultText(ConfigKey<?> key) {
        if (key.required()) {
            return "**required**";
        }
        return key.defaultValue().map(v -> "`" + format(v) + "`").orElse("");
    }

    private static String describe(ConfigKey<?> key) {
        List<String> parts = new ArrayList<>();
        parts.add(key.description());
        List<String> rules = key.validators().stream().map(v -> v.describe()).filter(s -> !s.isEmpty()).toList();
        if (!rules.isEmpty()) {
            parts.add("Must be " + String.join(", ", rules) + ".");
        }
        if (key.secret()) {
            parts.add("Secret: masked wherever configuration is printed.");
        }
        if (key.example() != null) {
            parts.add("Example: `" + key.example() + "`.");
        }
        return String.join(" ", parts);
    }

    static String format(Object value) {
        if (value instanceof Duration d) {
            long ms = d.toMillis();
            if (ms % 86_400_000 == 0) {
                return ms / 86_400_000 + "d";
            }
            if (ms % 3_600_000 == 0) {
                return ms / 3_600_000 + "h";
            }
            if (ms % 60_000 == 0) {
                return ms / 60_000 + "m";
            }
            if (ms % 1000 == 0) {
                return ms / 1000 + "s";
            }
            return ms + "ms";
        }
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return "{}";
        }
        return String.valueOf(value);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

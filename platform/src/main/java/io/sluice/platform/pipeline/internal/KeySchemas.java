package io.sluice.platform.pipeline.internal;

import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.ConfigType;
import io.sluice.spi.config.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * JSON Schema (2020-12) for configuration declared with {@link ConfigKey}s: each key's type as
 * {@link ConfigType#convert} accepts it (a quoted number for a number key, any scalar for text),
 * its allowed values, default, description (with validator rules), example, and
 * {@code writeOnly} for secrets.
 */
public final class KeySchemas {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String WHOLE_NUMBER = "^\\s*[-+]?[0-9]+\\s*$";
    private static final String NUMBER = "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";
    /** What {@link ConfigType#DURATION} accepts: 500ms, 10s, 5m, 1h, 1d or ISO-8601 (PT1S). */
    public static final String DURATION = "^\\s*([0-9]+\\s*(ms|s|m|h|d)|[Pp]\\S+)\\s*$";

    private KeySchemas() {
    }

    /** An object schema for a whole spec: its keys, the required ones, nothing else (plus {@code extra}). */
    public static ObjectNode object(ConfigSpec spec, Map<String, ObjectNode> extra, List<String> extraRequired) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        extra.forEach(properties::set);
        spec.keys().forEach(k -> properties.set(k.name(), of(k)));
        ArrayNode required = NODES.arrayNode();
        extraRequired.forEach(required::add);
        spec.keys().stream().filter(ConfigKey::required).forEach(k -> required.add(k.name()));
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The schema of one key's value. */
    public static ObjectNode of(ConfigKey<?> key) {
        ObjectNode schema = NODES.objectNode();
        schema.put("description", description(key));
        switch (key.type()) {
            case STRING, EXPRESSION -> schema.set("type", scalarTypes());
            case INT, LONG -> {
                schema.set("type", types("integer", "string"));
                schema.put("pattern", WHOLE_NUMBER);
                if (key.type() == ConfigType.INT) {
                    schema.put("minimum", Integer.MIN_VALUE);
                    schema.put("maximum", Integer.MAX_VALUE);
                }
            }
            case DOUBLE -> {
                schema.set("type", types("number", "string"));
                schema.put("pattern", NUMBER);
            }
            case BOOLEAN -> schema.set("enum", NODES.arrayNode().add(true).add(false).add("true").add("false"));
            case DURATION -> {
                schema.put("type", "string");
                schema.put("pattern", DURATION);
            }
            case ENUM -> {
                ArrayNode values = schema.putArray("enum");
                key.allowedValues().forEach(values::add);
            }
            case STRING_LIST -> {
                schema.set("type", types("array", "string", "number", "boolean"));
                schema.putObject("items").set("type", scalarTypes());
            }
            case STRING_MAP -> {
                schema.put("type", "object");
                schema.putObject("additionalProperties").set("type", scalarTypes());
            }
        }
        key.defaultValue().ifPresent(v -> schema.set("default", json(v)));
        if (key.example() != null) {
            schema.putArray("examples").add(example(key));
        }
        if (key.secret()) {
            schema.put("writeOnly", true);
        }
        return schema;
    }

    static ArrayNode types(String... names) {
        ArrayNode array = NODES.arrayNode();
        for (String n : names) {
            array.add(n);
        }
        return array;
    }

    /** Any single value: text, number or boolean (each is taken as its text). */
    static ArrayNode scalarTypes() {
        return types("string", "number", "boolean");
    }

    private static String description(ConfigKey<?> key) {
        List<String> parts = new ArrayList<>();
        parts.add(key.description());
        List<String> rules = key.validators().stream().map(Validator::describe).filter(s -> !s.isEmpty()).toList();
        if (!rules.isEmpty()) {
            parts.add("Must be " + String.join(", ", rules) + ".");
        }
        if (key.secret()) {
            parts.add("Secret: masked wherever configuration is printed.");
        }
        return String.join(" ", parts);
    }

    /** An example as the JSON value it stands for: text stays text, other types are read as YAML. */
    private static JsonNode example(ConfigKey<?> key) {
        switch (key.type()) {
            case STRING, EXPRESSION, ENUM, DURATION:
                return NODES.stringNode(key.example());
            default:
                try {
                    return YAML.readTree(key.example());
                } catch (JacksonException e) {
                    return NODES.stringNode(key.example()); // an example that is not YAML is shown as written
                }
        }
    }

    static JsonNode json(Object value) {
        if (value instanceof Duration d) {
            return NODES.stringNode(durationText(d));
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(json(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
            return object;
        }
        return NODES.stringNode(String.valueOf(value));
    }

    /** A duration the way a pipeline file writes it: {@code 250ms}, {@code 10s}, {@code 5m}. */
    static String durationText(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }
}

package io.sluice.platform.pipeline.internal;

import static io.sluice.platform.pipeline.internal.KeySchemas.NODES;

import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.ComponentKind;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.ConfigType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON Schema of pipeline files; see {@link io.sluice.platform.pipeline.PipelineSchema}. */
public final class SchemaBuilder {
    private final ComponentRegistry registry;
    private final ObjectNode defs = NODES.objectNode();

    public SchemaBuilder(ComponentRegistry registry) {
        this.registry = registry;
    }

    public ObjectNode build() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "Sluice pipeline");
        root.put("description", "A Sluice pipeline file: named sources, streams of steps, and sinks. "
                + "Values may use ${ENV_VAR} and ${ENV_VAR:default}; this schema describes the file after interpolation.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        for (ConfigKey<?> key : PipelineKeys.SPEC.keys()) {
            properties.set(key.name(), KeySchemas.of(key));
        }
        ((ObjectNode) properties.get(PipelineKeys.NAME.name())).put("pattern", "^" + PipelineKeys.NAME_PATTERN + "$");
        properties.set("sources", section("The pipeline's sources, by name.", "source", true));
        properties.set("streams", section("Streams derived from sources or other streams, by name.", "stream", false));
        properties.set("sinks", section("Where streams are written, by name.", "sink", true));
        root.set("required", KeySchemas.types("name", "batch-interval", "sources", "sinks"));
        root.put("additionalProperties", false);

        ObjectNode name = defs.putObject("name");
        name.put("type", "string");
        name.put("pattern", "^" + PipelineKeys.NAME_PATTERN + "$");
        name.put("description", "A name of " + PipelineKeys.NAME_RULE + ".");
        ObjectNode reference = defs.putObject("from");
        reference.put("type", "string");
        reference.put("description", "The name of a source or stream to read.");
        defs.set("source", component(ComponentKind.SOURCE, "A source: 'type' names the source type; "
                + "the other keys are that type's settings."));
        defs.set("stream", stream());
        defs.set("step", step());
        defs.set("sink", component(ComponentKind.SINK, "A sink: 'type' names the sink type, 'from' the source "
                + "or stream it writes; the other keys are that type's settings."));
        root.set("$defs", defs);
        return root;
    }

    private static ObjectNode section(String description, String def, boolean required) {
        ObjectNode section = NODES.objectNode();
        section.put("description", description);
        if (required) {
            section.put("type", "object");
            section.put("minProperties", 1);
        } else {
            section.set("type", KeySchemas.types("object", "null"));
        }
        section.putObject("propertyNames").put("$ref", "#/$defs/name");
        section.putObject("additionalProperties").put("$ref", "#/$defs/" + def);
        return section;
    }

    private ObjectNode component(ComponentKind kind, String description) {
        ObjectNode schema = NODES.objectNode();
        schema.put("description", description);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode type = properties.putObject("type");
        type.put("description", "The " + kind.label() + " type.");
        ArrayNode types = type.putArray("enum");
        List<String> required = new ArrayList<>(List.of("type"));
        if (kind == ComponentKind.SINK) {
            properties.putObject("from").put("$ref", "#/$defs/from");
            required.add("from");
        }
        schema.set("required", KeySchemas.types(required.toArray(String[]::new)));
        ArrayNode byType = NODES.arrayNode();
        for (Component<?> c : registry.all()) {
            if (c.kind() != kind) {
                continue;
            }
            types.add(c.type());
            String def = kind.label() + "." + c.type();
            Map<String, ObjectNode> own = new LinkedHashMap<>();
            ObjectNode constant = NODES.objectNode().put("const", c.type());
            own.put("type", constant);
            if (kind == ComponentKind.SINK) {
                own.put("from", NODES.objectNode().put("$ref", "#/$defs/from"));
            }
            ObjectNode config = KeySchemas.object(c.factory().configSpec(), own, List.of());
            config.put("description", c.factory().description());
            defs.set(def, config);
            ObjectNode when = byType.addObject();
            ObjectNode condition = when.putObject("if");
            condition.putObject("properties").putObject("type").put("const", c.type());
            condition.set("required", KeySchemas.types("type"));
            when.putObject("then").put("$ref", "#/$defs/" + def);
        }
        if (!byType.isEmpty()) {
            schema.set("allOf", byType);
        }
        return schema;
    }

    private static ObjectNode stream() {
        ObjectNode schema = NODES.objectNode();
        schema.put("description", "A stream: the source or stream it reads and the steps applied, in order.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("from").put("$ref", "#/$defs/from");
        ObjectNode steps = properties.putObject("steps");
        steps.put("description", "The steps, in order; each is a mapping with one key, the step type: '- key-by: bus'.");
        steps.set("type", KeySchemas.types("array", "null"));
        steps.putObject("items").put("$ref", "#/$defs/step");
        schema.set("required", KeySchemas.types("from"));
        schema.put("additionalProperties", false);
        return schema;
    }

    /** A step: one key, the step type (built-in, operator or transform), whose value is that step's config. */
    private ObjectNode step() {
        ObjectNode schema = NODES.objectNode();
        schema.put("description", "One step: a mapping with one key, the step type, whose value is the step's "
                + "settings (or its shorthand value).");
        schema.put("type", "object");
        schema.put("minProperties", 1);
        schema.put("maxProperties", 1);
        ArrayNode names = schema.putObject("propertyNames").putArray("enum");
        ObjectNode properties = schema.putObject("properties");
        for (BuiltinStep b : BuiltinStep.values()) {
            names.add(b.type());
            properties.putObject(b.type()).put("$ref", "#/$defs/" + stepDef(b.type(), b.spec(), b.description()));
        }
        for (Component<?> c : registry.all()) {
            if ((c.kind() == ComponentKind.OPERATOR || c.kind() == ComponentKind.TRANSFORM)
                    && BuiltinStep.byType(c.type()).isEmpty()) {
                names.add(c.type());
                properties.putObject(c.type()).put("$ref", "#/$defs/"
                        + stepDef(c.type(), c.factory().configSpec(), c.factory().description()));
            }
        }
        return schema;
    }

    /**
     * Defines the schema of a step's value; returns its name in {@code $defs}. With a shorthand
     * key, {@code if/then/else} decides between the settings mapping and the shorthand value by
     * the same rule as the loader ({@link ConfigBinder#bindStep}), so each fault yields one error
     * where alternatives ({@code anyOf}) would yield one per branch.
     */
    private String stepDef(String type, ConfigSpec spec, String description) {
        ObjectNode settings = KeySchemas.object(spec, Map.of(), List.of());
        boolean anyRequired = spec.keys().stream().anyMatch(ConfigKey::required);
        settings.set("type", anyRequired ? NODES.stringNode("object") : KeySchemas.types("object", "null"));
        ObjectNode schema;
        if (spec.shorthand().isPresent()) {
            ConfigKey<?> shorthand = spec.shorthand().get();
            schema = NODES.objectNode();
            schema.set("if", isSettings(spec, shorthand));
            schema.set("then", settings);
            schema.set("else", KeySchemas.of(shorthand));
        } else {
            schema = settings;
        }
        schema.put("description", description);
        String def = "step." + type;
        defs.set(def, schema);
        return def;
    }

    /**
     * Whether a step's value is its settings rather than its shorthand value: nothing, or a
     * mapping; for a mapping-typed shorthand, a non-empty mapping of the spec's own keys only.
     */
    private static ObjectNode isSettings(ConfigSpec spec, ConfigKey<?> shorthand) {
        if (shorthand.type() != ConfigType.STRING_MAP) {
            return NODES.objectNode().set("type", KeySchemas.types("object", "null"));
        }
        ObjectNode ofKeys = NODES.objectNode();
        ofKeys.put("type", "object");
        ofKeys.put("minProperties", 1);
        ArrayNode names = ofKeys.putObject("propertyNames").putArray("enum");
        spec.keys().forEach(k -> names.add(k.name()));
        ofKeys.putObject("properties").putObject(shorthand.name()).put("type", "object");
        ObjectNode condition = NODES.objectNode();
        condition.putArray("anyOf").add(NODES.objectNode().put("type", "null")).add(ofKeys);
        return condition;
    }
}

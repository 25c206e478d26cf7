package io.sluice.platform.pipeline;

import io.sluice.platform.pipeline.internal.SchemaBuilder;
import io.sluice.platform.plugin.ComponentRegistry;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (2020-12) of pipeline files, generated from the built-in steps' and every
 * registered component's {@link io.sluice.spi.config.ConfigSpec}: types, defaults, descriptions,
 * allowed values, required keys, examples, secrets as {@code writeOnly}. Sources and sinks get
 * per-{@code type} settings ({@code if type == X then X's keys}); a step is a mapping with one
 * key, its type, whose value is that step's settings or shorthand value.
 *
 * <p>{@link PipelineLoader} validates every file against this schema; {@code sluice schema}
 * prints {@link #toJson}. The schema describes a file after {@code ${VAR}} interpolation.
 *
 * <pre>{@code
 * String schema = PipelineSchema.toJson(registry);     // what `sluice schema` prints
 * ObjectNode node = PipelineSchema.generate(registry); // the same, as a tree
 * }</pre>
 */
public final class PipelineSchema {
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PipelineSchema() {
    }

    /** The schema as a new (mutable, caller-owned) Jackson tree; key order is stable. */
    public static ObjectNode generate(ComponentRegistry registry) {
        return new SchemaBuilder(registry).build();
    }

    /** The schema as indented JSON (no trailing newline): what {@code sluice schema} prints, as one line-terminated text. */
    public static String toJson(ComponentRegistry registry) {
        return PRETTY.writeValueAsString(generate(registry));
    }
}

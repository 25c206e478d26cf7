package io.sluice.platform.pipeline;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import java.util.Map;
import java.util.Optional;

/**
 * The steps the engine runs itself (not plugins). Their configuration is declared with the SPI's
 * {@link ConfigKey}s like a plugin's, so validation, {@code describe} and the JSON Schema treat
 * them alike. Each has a shorthand key, so the short forms below are what pipelines write.
 *
 * <pre>{@code
 * - parse: json                                  # payload bytes -> fields (json | text | bytes)
 * - format: json                                 # fields -> payload bytes
 * - key-by: bus                                  # record key := field 'bus'
 * - reduce-by-key: {delta: "sum(delta)", n: "count()"}              # per batch, per key
 * - update-state: {occupancy: "sum(delta)", capacity: "last(capacity)"}  # running, per key
 * }</pre>
 *
 * A built-in step type takes precedence over an operator plugin of the same type name.
 */
public enum BuiltinStep {
    PARSE("parse", "Decodes each record's payload bytes into fields with a record format."),
    FORMAT("format", "Encodes each record's fields into its payload bytes with a record format."),
    KEY_BY("key-by", "Sets each record's key from one of its fields."),
    REDUCE_BY_KEY("reduce-by-key", "Per batch and per key, aggregates fields into one record: "
            + "the key plus one field per aggregation."),
    UPDATE_STATE("update-state", "Keeps running per-key aggregates across batches; every batch emits the "
            + "state of every key seen so far: the key plus one field per aggregation.");

    /** {@code parse} and {@code format}: the record format. */
    public static final ConfigKey<String> RECORD_FORMAT = ConfigKey.oneOf("format", "json", "text", "bytes")
            .description("The record format: json (an object's fields), text (one field 'text') or bytes "
                    + "(the payload as it is).")
            .example("json")
            .required()
            .build();

    /** {@code key-by}: the field whose value becomes the record key. */
    public static final ConfigKey<String> FIELD = ConfigKey.string("field")
            .description("The field whose value becomes the record key.")
            .example("bus")
            .required()
            .validate(Validators.notEmpty())
            .build();

    /** {@code reduce-by-key} and {@code update-state}: output field to {@code fn(field)}. */
    public static final ConfigKey<Map<String, String>> AGGREGATIONS = ConfigKey.stringMap("aggregations")
            .description("Output field to aggregation: sum(field), count(), min(field), max(field), "
                    + "first(field) or last(field).")
            .example("{occupancy: \"sum(delta)\", capacity: \"last(capacity)\"}")
            .required()
            .validate(BuiltinStep::checkAggregations)
            .build();

    private static final ConfigSpec FORMAT_SPEC = ConfigSpec.of(RECORD_FORMAT).withShorthand(RECORD_FORMAT);
    private static final ConfigSpec KEY_BY_SPEC = ConfigSpec.of(FIELD).withShorthand(FIELD);
    private static final ConfigSpec AGGREGATE_SPEC = ConfigSpec.of(AGGREGATIONS).withShorthand(AGGREGATIONS);

    private final String type;
    private final String description;

    BuiltinStep(String type, String description) {
        this.type = type;
        this.description = description;
    }

    /** The step type as written in YAML. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public ConfigSpec spec() {
        return switch (this) {
            case PARSE, FORMAT -> FORMAT_SPEC;
            case KEY_BY -> KEY_BY_SPEC;
            case REDUCE_BY_KEY, UPDATE_STATE -> AGGREGATE_SPEC;
        };
    }

    /** Whether the step's configuration holds {@link #AGGREGATIONS}. */
    public boolean aggregates() {
        return spec() == AGGREGATE_SPEC;
    }

    /** The built-in step written as {@code type} in YAML. */
    public static Optional<BuiltinStep> byType(String type) {
        for (BuiltinStep s : values()) {
            if (s.type.equals(type)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static void checkAggregations(Map<String, String> aggregations) {
        if (aggregations.isEmpty()) {
            throw new ConfigException("must name at least one output field, e.g. {total: \"sum(amount)\"}");
        }
        aggregations.forEach(Aggregation::parse);
    }
}

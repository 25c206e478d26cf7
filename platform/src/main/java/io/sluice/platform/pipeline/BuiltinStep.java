package io.sluice.platform.pipeline;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import java.time.Duration;
import java.util.List;
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
 * - window: {length: 10s, slide: 2s}             # every 2 s, the records of the last 10 s
 * - reduce-by-key-and-window: {length: 10s, aggregations: {n: "count()"}}
 * - count-by-window: 10s                         # one record {count: n} per slide
 * - count-by-value: word                         # per batch, {word: w, count: n} per distinct value
 * - count-by-value-and-window: {field: word, length: 1m}
 * - union: [other-stream, a-source]              # this stream's records and theirs, per batch
 * - join: {with: payments, type: left}           # on record keys, per batch
 *
 * - map-with-state: {aggregations: {clicks: "count()"}, timeout: 30m}  # per record, its key's new state
 * }</pre>
 *
 * Window lengths and slides must be multiples of the batch interval (the slide defaults to the
 * stream's own: the batch interval unless windowed before). Pipeline files give
 * {@code map-with-state} running aggregates as the state; any other function is Java-only.
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
            + "state of every key seen so far: the key plus one field per aggregation."),
    MAP_WITH_STATE("map-with-state", "Keeps running per-key aggregates (Spark's mapWithState): for each record, "
            + "its key's aggregates are updated and emitted (the key, one field per aggregation, and expired: false); "
            + "keys without records are not emitted. With a timeout, a key idle for longer emits its last state "
            + "once more with expired: true and is forgotten."),
    WINDOW("window", "Every slide, the records of the last window length (Spark's window): later steps, "
            + "joins and sinks of this stream see whole windows, and run once per slide."),
    REDUCE_BY_KEY_AND_WINDOW("reduce-by-key-and-window", "Every slide, per key, aggregates the records of the "
            + "last window length into one record: the key plus one field per aggregation. Incremental (adds "
            + "what entered the window, subtracts what left) when every aggregation is sum or count; keys then "
            + "stay, with 0, after their records left the window."),
    COUNT_BY_WINDOW("count-by-window", "Every slide, one record {count: n}: how many records the last window "
            + "length had."),
    COUNT_BY_VALUE("count-by-value", "Per batch, one record per distinct value of a field: the value as key and "
            + "in the field, and {count: n}."),
    COUNT_BY_VALUE_AND_WINDOW("count-by-value-and-window", "Every slide, one record per distinct value of a field "
            + "in the last window length: the value as key and in the field, and {count: n}; computed "
            + "incrementally, values whose count drops to 0 disappear."),
    UNION("union", "This stream's records and those of the named sources or streams, per batch (Spark's "
            + "union); all must slide alike."),
    JOIN("join", "Joins this stream with another on record keys, per batch (join a windowed stream to match "
            + "against its recent past): one record per match with the key field, this side's fields and the "
            + "other side's; a field of the other side whose name this side already has gets a prefix.");

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

    /** Window steps: the window's length, a multiple of the batch interval. */
    public static final ConfigKey<Duration> LENGTH = ConfigKey.duration("length")
            .description("The window's length: a multiple of the batch interval (and of the stream's slide).")
            .example("10s")
            .required()
            .validate(Validators.positive())
            .build();

    /** Window steps: how often a window is computed; default the stream's slide. */
    public static final ConfigKey<Duration> SLIDE = ConfigKey.duration("slide")
            .description("How often the window is computed: a multiple of the batch interval; by default the "
                    + "stream's slide (the batch interval unless windowed before).")
            .example("2s")
            .validate(Validators.positive())
            .build();

    /** {@code count-by-value(-and-window)}: the field whose distinct values are counted. */
    public static final ConfigKey<String> VALUE_FIELD = ConfigKey.string("field")
            .description("The field whose distinct values are counted.")
            .example("word")
            .required()
            .validate(Validators.notEmpty())
            .build();

    /** {@code union}: the sources or streams merged into this one. */
    public static final ConfigKey<List<String>> STREAMS = ConfigKey.stringList("streams")
            .description("The sources or streams whose records join this stream's, per batch.")
            .example("[north-sensors, south-sensors]")
            .required()
            .validate(BuiltinStep::checkStreams)
            .build();

    /** {@code join}: the other side. */
    public static final ConfigKey<String> WITH = ConfigKey.string("with")
            .description("The source or stream to join with, on record keys.")
            .example("payments")
            .required()
            .validate(Validators.notEmpty())
            .build();

    /** {@code join}: which keys are kept. */
    public static final ConfigKey<String> JOIN_TYPE = ConfigKey.oneOf("type", "inner", "left", "right", "full")
            .description("inner: keys on both sides; left / right: also keys only on this / the other side; full: "
                    + "keys on either side. A missing side contributes no fields.")
            .example("left")
            .defaultValue("inner")
            .build();

    /** {@code join}: prefix for clashing field names of the other side. */
    public static final ConfigKey<String> PREFIX = ConfigKey.string("prefix")
            .description("Prefix for a field of the other side whose name this side's record already has; by "
                    + "default the other stream's name and '_'.")
            .example("payment_")
            .build();

    /** {@code map-with-state}: how long a key may stay without records. */
    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.duration("timeout")
            .description("How long a key may receive no records before it expires (measured on batch times); "
                    + "by default keys never expire.")
            .example("30m")
            .validate(Validators.positive())
            .build();

    /** Output field of {@code map-with-state}: whether the record is a key's last, because it expired. */
    public static final String EXPIRED_FIELD = "expired";

    /** Output field of the counting steps. */
    public static final String COUNT_FIELD = "count";

    private static final ConfigSpec FORMAT_SPEC = ConfigSpec.of(RECORD_FORMAT).withShorthand(RECORD_FORMAT);
    private static final ConfigSpec KEY_BY_SPEC = ConfigSpec.of(FIELD).withShorthand(FIELD);
    private static final ConfigSpec AGGREGATE_SPEC = ConfigSpec.of(AGGREGATIONS).withShorthand(AGGREGATIONS);
    private static final ConfigSpec WINDOW_SPEC = ConfigSpec.of(LENGTH, SLIDE).withShorthand(LENGTH);
    private static final ConfigSpec WINDOWED_AGGREGATE_SPEC = ConfigSpec.of(AGGREGATIONS, LENGTH, SLIDE);
    private static final ConfigSpec COUNT_BY_VALUE_SPEC = ConfigSpec.of(VALUE_FIELD).withShorthand(VALUE_FIELD);
    private static final ConfigSpec COUNT_BY_VALUE_AND_WINDOW_SPEC = ConfigSpec.of(VALUE_FIELD, LENGTH, SLIDE);
    private static final ConfigSpec UNION_SPEC = ConfigSpec.of(STREAMS).withShorthand(STREAMS);
    private static final ConfigSpec STATE_SPEC = ConfigSpec.of(AGGREGATIONS, TIMEOUT).withShorthand(AGGREGATIONS);
    private static final ConfigSpec JOIN_SPEC = ConfigSpec.of(WITH, JOIN_TYPE, PREFIX).withShorthand(WITH);

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
            case WINDOW, COUNT_BY_WINDOW -> WINDOW_SPEC;
            case REDUCE_BY_KEY_AND_WINDOW -> WINDOWED_AGGREGATE_SPEC;
            case COUNT_BY_VALUE -> COUNT_BY_VALUE_SPEC;
            case COUNT_BY_VALUE_AND_WINDOW -> COUNT_BY_VALUE_AND_WINDOW_SPEC;
            case UNION -> UNION_SPEC;
            case JOIN -> JOIN_SPEC;
            case MAP_WITH_STATE -> STATE_SPEC;
        };
    }

    /** Whether the step's configuration holds {@link #AGGREGATIONS}. */
    public boolean aggregates() {
        return spec().key(AGGREGATIONS.name()).isPresent();
    }

    /** Whether the step is a window: it has a {@link #LENGTH} and a {@link #SLIDE}. */
    public boolean windowed() {
        return spec().key(LENGTH.name()).isPresent();
    }

    /** The sources or streams the step reads besides its stream's input ({@code union}, {@code join}). */
    public List<String> reads(Config config) {
        return switch (this) {
            case UNION -> config.get(STREAMS);
            case JOIN -> List.of(config.get(WITH));
            default -> List.of();
        };
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

    private static void checkStreams(List<String> streams) {
        if (streams.isEmpty()) {
            throw new ConfigException("must name at least one source or stream, e.g. [other-stream]");
        }
    }

    private static void checkAggregations(Map<String, String> aggregations) {
        if (aggregations.isEmpty()) {
            throw new ConfigException("must name at least one output field, e.g. {total: \"sum(amount)\"}");
        }
        aggregations.forEach(Aggregation::parse);
    }
}

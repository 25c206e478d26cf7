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
 * - flat-map: {field: text, split: "\\s+", as: word}  # one record per piece (or list element)
 * - repartition: 8                               # spread each batch over 8 partitions
 * - count:                                       # per batch, one record {count: n}
 * - reduce: {total: "sum(amount)"}               # per batch, one record, no key
 * - reduce-by-key: {delta: "sum(delta)", n: "count()"}              # per batch, per key (combineByKey)
 * - group-by-key: readings                       # per batch, per key: {key, readings: [records]}
 * - cogroup: {with: payments}                    # per batch, per key: both sides' records
 * - update-state: {occupancy: "sum(delta)", capacity: "last(capacity)"}  # running, per key
 * - window: {length: 10s, slide: 2s}             # every 2 s, the records of the last 10 s
 * - reduce-by-window: {length: 10s, aggregations: {n: "count()"}}
 * - reduce-by-key-and-window: {length: 10s, aggregations: {n: "count()"}, drop-empty: true}
 * - group-by-key-and-window: {length: 10s, as: recent}
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
    PARSE("parse", "Decodes each record's payload bytes into fields with a record format.",
            "- format: json\n- parse: json"),
    FORMAT("format", "Encodes each record's fields into its payload bytes with a record format.",
            "- format: json"),
    KEY_BY("key-by", "Sets each record's key from one of its fields.",
            "- key-by: user"),
    FLAT_MAP("flat-map", "Replaces each record by one record per element of a list field, or per piece of a "
            + "string field split by a regular expression (Spark's flatMap): each keeps the record's other fields, "
            + "key (so on a keyed stream this is flatMapValues) and timestamp, with the element in field 'as'. An "
            + "empty list (or string) gives no record; a record without the field, or whose field is not a list "
            + "(without split) or not a string (with split), is a bad record.",
            "- flat-map: {field: text, split: \"\\\\s+\", as: word}"),
    REPARTITION("repartition", "Spreads each batch evenly over a number of partitions (Spark's repartition): "
            + "the steps after it run on that many partitions in parallel.",
            "- repartition: 4"),
    COUNT("count", "Per batch, one record {count: n}: how many records the batch has (0 for an empty batch), "
            + "as Spark's count.",
            "- count:"),
    REDUCE("reduce", "Per batch, aggregates all records into one record with one field per aggregation "
            + "(Spark's reduce, without keys); an empty batch gives no record.",
            "- reduce: {total: \"sum(amount)\", n: \"count()\"}"),
    REDUCE_BY_KEY("reduce-by-key", "Per batch and per key, aggregates fields into one record: "
            + "the key plus one field per aggregation. This is Spark's combineByKey: each partition folds its "
            + "records into one accumulator per key before the shuffle, and the accumulators are merged after it.",
            "- key-by: user\n- reduce-by-key: {total: \"sum(amount)\", n: \"count()\"}"),
    GROUP_BY_KEY("group-by-key", "Per batch and per key, one record with the key and, in field 'as', the list "
            + "of the key's records (their fields, in arrival order): Spark's groupByKey.",
            "- key-by: user\n- group-by-key: records"),
    COGROUP("cogroup", "Per batch and per key of either stream, one record with the key, this stream's records of "
            + "the key in field 'as' and the other stream's in field 'with-as' (lists of their fields, either may "
            + "be empty): Spark's cogroup.",
            "- key-by: user\n- cogroup: {with: payments-by-user}"),
    UPDATE_STATE("update-state", "Keeps running per-key aggregates across batches; every batch emits the "
            + "state of every key seen so far: the key plus one field per aggregation.",
            "- key-by: user\n- update-state: {total: \"sum(amount)\", last-amount: \"last(amount)\"}"),
    MAP_WITH_STATE("map-with-state", "Keeps running per-key aggregates (Spark's mapWithState): for each record, "
            + "its key's aggregates are updated and emitted (the key, one field per aggregation, and expired: false); "
            + "keys without records are not emitted. With a timeout, a key idle for longer emits its last state "
            + "once more with expired: true and is forgotten.",
            "- key-by: user\n- map-with-state: {aggregations: {clicks: \"count()\"}, timeout: 3s}"),
    WINDOW("window", "Every slide, the records of the last window length (Spark's window): later steps, "
            + "joins and sinks of this stream see whole windows, and run once per slide.",
            "- window: {length: 3s, slide: 1s}"),
    REDUCE_BY_WINDOW("reduce-by-window", "Every slide, aggregates all records of the last window length into one "
            + "record with one field per aggregation (Spark's reduceByWindow). Incremental (adds what entered the "
            + "window, subtracts what left) when every aggregation is sum or count, unless incremental: false; "
            + "once the window had records, an empty window then gives 0s, as in Spark.",
            "- reduce-by-window: {length: 3s, aggregations: {total: \"sum(amount)\", n: \"count()\"}}"),
    REDUCE_BY_KEY_AND_WINDOW("reduce-by-key-and-window", "Every slide, per key, aggregates the records of the "
            + "last window length into one record: the key plus one field per aggregation (Spark's "
            + "reduceByKeyAndWindow). Incremental (adds what entered the window, subtracts what left, Spark's form "
            + "with an inverse function) when every aggregation is sum or count, unless incremental: false; keys "
            + "then stay, with 0, after their records left the window, unless drop-empty removes them (Spark's "
            + "filter function).",
            "- key-by: user\n- reduce-by-key-and-window: {length: 3s, aggregations: {n: \"count()\", "
                    + "total: \"sum(amount)\"}, drop-empty: true}"),
    GROUP_BY_KEY_AND_WINDOW("group-by-key-and-window", "Every slide, per key, one record with the key and, in "
            + "field 'as', the list of the key's records of the last window length (oldest first): Spark's "
            + "groupByKeyAndWindow.",
            "- key-by: user\n- group-by-key-and-window: {length: 3s, slide: 1s, as: recent}"),
    COUNT_BY_WINDOW("count-by-window", "Every slide, one record {count: n}: how many records the last window "
            + "length had.",
            "- count-by-window: {length: 3s, slide: 1s}"),
    COUNT_BY_VALUE("count-by-value", "Per batch, one record per distinct value of a field: the value as key and "
            + "in the field, and {count: n}.",
            "- count-by-value: user"),
    COUNT_BY_VALUE_AND_WINDOW("count-by-value-and-window", "Every slide, one record per distinct value of a field "
            + "in the last window length: the value as key and in the field, and {count: n}; computed "
            + "incrementally, values whose count drops to 0 disappear.",
            "- count-by-value-and-window: {field: user, length: 3s}"),
    UNION("union", "This stream's records and those of the named sources or streams, per batch (Spark's "
            + "union); all must slide alike.",
            "- union: [payments]"),
    JOIN("join", "Joins this stream with another on record keys, per batch (join a windowed stream to match "
            + "against its recent past): one record per match with the key field, this side's fields and the "
            + "other side's; a field of the other side whose name this side already has gets a prefix.",
            "- key-by: user\n- join: {with: payments-by-user, type: left, prefix: paid_}");

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

    /** {@code flat-map}: the list (or, with {@link #SPLIT}, string) field to explode. */
    public static final ConfigKey<String> EXPLODED_FIELD = ConfigKey.string("field")
            .description("The field holding a list, each element of which becomes a record (or, with split, a "
                    + "string split into pieces).")
            .example("words")
            .required()
            .validate(Validators.notEmpty())
            .build();

    /** {@code flat-map}: a regular expression splitting a string field. */
    public static final ConfigKey<String> SPLIT = ConfigKey.string("split")
            .description("A regular expression (Java syntax) the string field is split by; empty pieces are "
                    + "dropped. Without it the field must hold a list.")
            .example("\"\\\\s+\"")
            .validate(BuiltinStep::checkRegex)
            .build();

    /** {@code flat-map}: the field each element is written to. */
    public static final ConfigKey<String> ELEMENT_FIELD = ConfigKey.string("as")
            .description("The field each element (or piece) is written to; by default the exploded field itself.")
            .example("word")
            .validate(Validators.notEmpty())
            .build();

    /** {@code repartition}: how many partitions. */
    public static final ConfigKey<Integer> PARTITIONS = ConfigKey.integer("partitions")
            .description("How many partitions each batch is spread over.")
            .example("8")
            .required()
            .validate(Validators.between(1, 65_536))
            .build();

    /** The grouping steps: the field holding a key's records. */
    public static final ConfigKey<String> GROUP_FIELD = ConfigKey.string("as")
            .description("The field that holds the list of the key's records (each a mapping of its fields).")
            .example("readings")
            .defaultValue("records")
            .validate(Validators.notEmpty())
            .build();

    /** {@code cogroup}: the field holding the other stream's records. */
    public static final ConfigKey<String> OTHER_GROUP_FIELD = ConfigKey.string("with-as")
            .description("The field that holds the list of the other stream's records of the key; by default "
                    + "the other stream's name.")
            .example("payments")
            .validate(Validators.notEmpty())
            .build();

    /** {@code cogroup}: the other side. */
    public static final ConfigKey<String> COGROUP_WITH = ConfigKey.string("with")
            .description("The source or stream to group with, on record keys.")
            .example("payments")
            .required()
            .validate(Validators.notEmpty())
            .build();

    /** Windowed aggregations: whether to update each window from the previous one. */
    public static final ConfigKey<Boolean> INCREMENTAL = ConfigKey.bool("incremental")
            .description("Whether each window is computed from the previous one, adding the batches that entered "
                    + "and subtracting those that left (Spark's form with an inverse function): possible, and the "
                    + "default, when every aggregation is sum or count. false recomputes every window from its "
                    + "batches.")
            .example("false")
            .build();

    /** {@code reduce-by-key-and-window}: Spark's filter function, as "keys whose count is 0 go". */
    public static final ConfigKey<Boolean> DROP_EMPTY = ConfigKey.bool("drop-empty")
            .description("Whether a key is removed once none of its records is left in the window (its count() "
                    + "aggregation is 0): the filter function of Spark's incremental reduceByKeyAndWindow. Needs a "
                    + "count() aggregation. Without it, an incremental window keeps such keys with 0s.")
            .example("true")
            .defaultValue(false)
            .build();

    /** Output field of {@code map-with-state}: whether the record is a key's last, because it expired. */
    public static final String EXPIRED_FIELD = "expired";

    /** Output field of the counting steps. */
    public static final String COUNT_FIELD = "count";

    private static final ConfigSpec FORMAT_SPEC = ConfigSpec.of(RECORD_FORMAT).withShorthand(RECORD_FORMAT);
    private static final ConfigSpec KEY_BY_SPEC = ConfigSpec.of(FIELD).withShorthand(FIELD);
    private static final ConfigSpec FLAT_MAP_SPEC = ConfigSpec.of(EXPLODED_FIELD, SPLIT, ELEMENT_FIELD)
            .withShorthand(EXPLODED_FIELD);
    private static final ConfigSpec REPARTITION_SPEC = ConfigSpec.of(PARTITIONS).withShorthand(PARTITIONS);
    private static final ConfigSpec NO_SETTINGS = ConfigSpec.of();
    private static final ConfigSpec AGGREGATE_SPEC = ConfigSpec.of(AGGREGATIONS).withShorthand(AGGREGATIONS);
    private static final ConfigSpec GROUP_SPEC = ConfigSpec.of(GROUP_FIELD).withShorthand(GROUP_FIELD);
    private static final ConfigSpec COGROUP_SPEC = ConfigSpec.of(COGROUP_WITH, GROUP_FIELD, OTHER_GROUP_FIELD)
            .withShorthand(COGROUP_WITH);
    private static final ConfigSpec WINDOW_SPEC = ConfigSpec.of(LENGTH, SLIDE).withShorthand(LENGTH);
    private static final ConfigSpec REDUCE_BY_WINDOW_SPEC = ConfigSpec.of(AGGREGATIONS, LENGTH, SLIDE, INCREMENTAL);
    private static final ConfigSpec WINDOWED_AGGREGATE_SPEC = ConfigSpec.of(AGGREGATIONS, LENGTH, SLIDE, INCREMENTAL,
            DROP_EMPTY);
    private static final ConfigSpec WINDOWED_GROUP_SPEC = ConfigSpec.of(LENGTH, SLIDE, GROUP_FIELD);
    private static final ConfigSpec COUNT_BY_VALUE_SPEC = ConfigSpec.of(VALUE_FIELD).withShorthand(VALUE_FIELD);
    private static final ConfigSpec COUNT_BY_VALUE_AND_WINDOW_SPEC = ConfigSpec.of(VALUE_FIELD, LENGTH, SLIDE);
    private static final ConfigSpec UNION_SPEC = ConfigSpec.of(STREAMS).withShorthand(STREAMS);
    private static final ConfigSpec STATE_SPEC = ConfigSpec.of(AGGREGATIONS, TIMEOUT).withShorthand(AGGREGATIONS);
    private static final ConfigSpec JOIN_SPEC = ConfigSpec.of(WITH, JOIN_TYPE, PREFIX).withShorthand(WITH);

    private final String type;
    private final String description;
    private final String example;

    BuiltinStep(String type, String description, String example) {
        this.type = type;
        this.description = description;
        this.example = example;
    }

    /** The step type as written in YAML. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    /**
     * The steps of a stream using this step, as YAML list items (one per line; some key the stream
     * first). Examples read records such as {@code {user: u1, amount: 20, text: "a b"}}, with a
     * batch interval of 1 s; {@code payments} is another source of such records and
     * {@code payments-by-user} a stream keying it by {@code user}. Tests run every example.
     */
    public String example() {
        return example;
    }

    public ConfigSpec spec() {
        return switch (this) {
            case PARSE, FORMAT -> FORMAT_SPEC;
            case KEY_BY -> KEY_BY_SPEC;
            case FLAT_MAP -> FLAT_MAP_SPEC;
            case REPARTITION -> REPARTITION_SPEC;
            case COUNT -> NO_SETTINGS;
            case REDUCE, REDUCE_BY_KEY, UPDATE_STATE -> AGGREGATE_SPEC;
            case GROUP_BY_KEY -> GROUP_SPEC;
            case COGROUP -> COGROUP_SPEC;
            case WINDOW, COUNT_BY_WINDOW -> WINDOW_SPEC;
            case REDUCE_BY_WINDOW -> REDUCE_BY_WINDOW_SPEC;
            case REDUCE_BY_KEY_AND_WINDOW -> WINDOWED_AGGREGATE_SPEC;
            case GROUP_BY_KEY_AND_WINDOW -> WINDOWED_GROUP_SPEC;
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
            case COGROUP -> List.of(config.get(COGROUP_WITH));
            default -> List.of();
        };
    }

    /**
     * Whether a windowed aggregation runs incrementally: as {@link #INCREMENTAL} says, by default
     * when every aggregation is invertible ({@code sum}, {@code count}).
     */
    public static boolean incremental(Config config, List<Aggregation> aggregations) {
        return config.find(INCREMENTAL).orElseGet(() -> invertible(aggregations));
    }

    /** Whether every aggregation has an inverse (a subtraction): sums and counts. */
    public static boolean invertible(List<Aggregation> aggregations) {
        return aggregations.stream().allMatch(a -> a.function() == AggregateFunction.SUM
                || a.function() == AggregateFunction.COUNT);
    }

    /**
     * What is wrong with a combination of this step's settings that each are valid on their own:
     * {@code incremental: true} with an aggregation that has no inverse, {@code drop-empty: true}
     * without a {@code count()} aggregation, {@code cogroup} putting both sides in one field.
     */
    public Optional<SettingProblem> checkSettings(Config config, List<Aggregation> aggregations) {
        if (declares(INCREMENTAL) && config.find(INCREMENTAL).orElse(false) && !invertible(aggregations)) {
            String culprit = aggregations.stream().filter(a -> a.function() != AggregateFunction.SUM
                    && a.function() != AggregateFunction.COUNT).findFirst().map(Aggregation::toString).orElseThrow();
            return Optional.of(new SettingProblem(INCREMENTAL.name(), "an incremental window needs every "
                    + "aggregation to be sum or count (they can be subtracted), but " + culprit
                    + " cannot be; leave incremental out to recompute every window"));
        }
        if (declares(DROP_EMPTY) && config.get(DROP_EMPTY)
                && aggregations.stream().noneMatch(a -> a.function() == AggregateFunction.COUNT)) {
            return Optional.of(new SettingProblem(DROP_EMPTY.name(), "drop-empty needs a count() aggregation to "
                    + "tell when a key has no records left in the window, e.g. n: \"count()\""));
        }
        if (this == COGROUP && config.get(GROUP_FIELD).equals(config.find(OTHER_GROUP_FIELD)
                .orElse(config.get(COGROUP_WITH)))) {
            String key = config.find(OTHER_GROUP_FIELD).isPresent() ? OTHER_GROUP_FIELD.name() : GROUP_FIELD.name();
            return Optional.of(new SettingProblem(key, "both sides' records would go to field '"
                    + config.get(GROUP_FIELD) + "'; give them different fields with as and with-as"));
        }
        return Optional.empty();
    }

    private boolean declares(ConfigKey<?> key) {
        return spec().key(key.name()).isPresent();
    }

    /** A problem with the setting {@code key} of a step, found by {@link #checkSettings}. */
    public record SettingProblem(String key, String message) {
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

    private static void checkRegex(String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw ConfigException.at(Math.max(0, e.getIndex()), "not a regular expression: " + e.getDescription());
        }
    }

    private static void checkAggregations(Map<String, String> aggregations) {
        if (aggregations.isEmpty()) {
            throw new ConfigException("must name at least one output field, e.g. {total: \"sum(amount)\"}");
        }
        aggregations.forEach(Aggregation::parse);
    }
}

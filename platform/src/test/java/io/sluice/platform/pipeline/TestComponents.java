package io.sluice.platform.pipeline;

import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small component factories for loader tests: two sources, two sinks, and filter/map operators
 * whose validator checks field names in expressions the way the real expression operators do
 * (pointing at the column of an unknown field). The loader must never create components, so
 * {@code create} fails loudly.
 */
final class TestComponents {
    static final ConfigKey<String> WORKLOAD = ConfigKey.oneOf("workload", "bus-sensors", "counter")
            .description("Which synthetic events to generate.").defaultValue("bus-sensors").build();
    static final ConfigKey<Integer> EVENTS_PER_BATCH = ConfigKey.integer("events-per-batch")
            .description("Events per batch.").defaultValue(1000).validate(Validators.atLeast(1)).build();
    static final ConfigKey<Integer> BUSES = ConfigKey.integer("buses")
            .description("Number of buses.").defaultValue(100).validate(Validators.atLeast(1)).build();
    static final ConfigKey<Long> LIMIT = ConfigKey.longValue("limit")
            .description("Stop after this many events.").example("200000").build();
    static final ConfigKey<Duration> PAUSE = ConfigKey.duration("pause")
            .description("Pause between batches.").defaultValue(Duration.ZERO).build();
    static final ConfigKey<String> SERVERS = ConfigKey.string("bootstrap-servers")
            .description("Kafka brokers.").example("localhost:9092").required().build();
    static final ConfigKey<String> TOPIC = ConfigKey.string("topic")
            .description("Topic to read.").required().build();
    static final ConfigKey<String> PASSWORD = ConfigKey.string("password")
            .description("SASL password.").secret().build();
    static final ConfigKey<Integer> MAX_RECORDS = ConfigKey.integer("max-records")
            .description("Records printed per batch.").defaultValue(10).validate(Validators.atLeast(1)).build();
    static final ConfigKey<String> PATH = ConfigKey.string("path")
            .description("Output directory.").required().build();
    static final ConfigKey<String> CONDITION = ConfigKey.expression("expression")
            .description("Keep records for which this is true.").example("occupancy >= capacity").required()
            .validate(TestComponents::checkFields).build();
    static final ConfigKey<Map<String, String>> FIELDS = ConfigKey.stringMap("fields")
            .description("Output field to expression.").required()
            .validate(m -> m.values().forEach(TestComponents::checkFields)).build();

    static final ConfigKey<Integer> TOP_N = ConfigKey.integer("n").description("How many records.").required()
            .validate(Validators.atLeast(1)).build();
    static final Set<String> KNOWN_FIELDS = Set.of("bus", "boarded", "alighted", "capacity", "occupancy", "delta",
            "key", "text");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private TestComponents() {
    }

    static ComponentRegistry registry() {
        return ComponentRegistry.of(
                source("generator", ConfigSpec.of(WORKLOAD, EVENTS_PER_BATCH, BUSES, LIMIT, PAUSE)),
                source("kafka", ConfigSpec.of(SERVERS, TOPIC, PASSWORD)),
                sink("console", ConfigSpec.of(MAX_RECORDS)),
                sink("file", ConfigSpec.of(PATH)),
                operator("filter", ConfigSpec.of(CONDITION).withShorthand(CONDITION)),
                operator("map", ConfigSpec.of(FIELDS).withShorthand(FIELDS)),
                transform("top-n", ConfigSpec.of(TOP_N, BatchTransformFactory.WITH).withShorthand(TOP_N)));
    }

    /** Rejects identifiers that are not known fields, at their offset, like a real expression compiler. */
    static void checkFields(String expression) {
        Matcher m = IDENTIFIER.matcher(expression);
        while (m.find()) {
            if (!KNOWN_FIELDS.contains(m.group()) && !List.of("and", "or", "not").contains(m.group())) {
                throw ConfigException.at(m.start(), "unknown field '" + m.group() + "'");
            }
        }
    }

    private static SourceFactory source(String type, ConfigSpec spec) {
        return new SourceFactory() {
            public String type() {
                return type;
            }

            public String description() {
                return "Test source " + type + ".";
            }

            public ConfigSpec configSpec() {
                return spec;
            }

            public Source create(Config config) {
                throw new AssertionError("the pipeline loader must not create components");
            }
        };
    }

    private static SinkFactory sink(String type, ConfigSpec spec) {
        return new SinkFactory() {
            public String type() {
                return type;
            }

            public String description() {
                return "Test sink " + type + ".";
            }

            public ConfigSpec configSpec() {
                return spec;
            }

            public Sink create(Config config) {
                throw new AssertionError("the pipeline loader must not create components");
            }
        };
    }

    private static OperatorFactory operator(String type, ConfigSpec spec) {
        return new OperatorFactory() {
            public String type() {
                return type;
            }

            public String description() {
                return "Test operator " + type + ".";
            }

            public ConfigSpec configSpec() {
                return spec;
            }

            public Operator create(Config config) {
                throw new AssertionError("the pipeline loader must not create components");
            }
        };
    }

    private static BatchTransformFactory transform(String type, ConfigSpec spec) {
        return new BatchTransformFactory() {
            public String type() {
                return type;
            }

            public String description() {
                return "Test transform " + type + ".";
            }

            public ConfigSpec configSpec() {
                return spec;
            }

            public BatchTransform create(Config config) {
                throw new AssertionError("the pipeline loader must not create components");
            }
        };
    }
}

package io.sluice.platform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {
    private static final Map<String, String> ENV = Map.of("HOME_DIR", "/home/bus", "EVENTS", "500");

    private final PipelineLoader loader = new PipelineLoader(TestComponents.registry(), ENV);

    @Test
    void loadsSettingsWithInterpolationAndDefaults() throws IOException {
        PipelineDefinition p = loadValid(loader);

        assertThat(p.name()).isEqualTo("bus-occupancy");
        assertThat(p.batchInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.checkpointDir()).contains(Path.of("/home/bus/checkpoints/bus-occupancy"));
        assertThat(p.location()).isEqualTo(new Location("bus-occupancy.yaml", 1, 1));
    }

    @Test
    void bindsSourcesWithTypedInterpolatedValues() throws IOException {
        SourceDefinition sensors = loadValid(loader).sources().get("sensors");

        assertThat(sensors.component().type()).isEqualTo("generator");
        Config config = sensors.config();
        assertThat(config.get(TestComponents.BUSES)).as("unquoted ${BUSES:2000} is a number").isEqualTo(2000);
        assertThat(config.get(TestComponents.EVENTS_PER_BATCH)).as("from the environment").isEqualTo(500);
        assertThat(config.get(TestComponents.LIMIT)).isEqualTo(200_000L);
        assertThat(config.get(TestComponents.PAUSE)).isEqualTo(Duration.ofMillis(250));
        assertThat(config.get(TestComponents.WORKLOAD)).isEqualTo("bus-sensors");
        assertThat(sensors.location()).isEqualTo(new Location("bus-occupancy.yaml", 8, 3));
        assertThat(sensors.path()).isEqualTo("sources.sensors");
    }

    @Test
    void environmentOverridesDefaults() throws IOException {
        Map<String, String> env = Map.of("HOME_DIR", "/srv", "BUSES", "12", "PAUSE", "1m", "PIPELINE", "other");
        PipelineDefinition p = loadValid(new PipelineLoader(TestComponents.registry(), env));

        Config config = p.sources().get("sensors").config();
        assertThat(config.get(TestComponents.BUSES)).isEqualTo(12);
        assertThat(config.get(TestComponents.EVENTS_PER_BATCH)).isEqualTo(20_000);
        assertThat(config.get(TestComponents.PAUSE)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.checkpointDir()).contains(Path.of("/srv/checkpoints/other"));
    }

    @Test
    void bindsEveryBuiltinStepAndOperatorsInShorthandAndFullForm() throws IOException {
        PipelineDefinition p = loadValid(loader);

        List<StepDefinition> occupancy = p.streams().get("occupancy").steps();
        assertThat(occupancy).map(StepDefinition::type)
                .containsExactly("parse", "map", "key-by", "reduce-by-key", "update-state");
        assertThat(builtin(occupancy.get(0)).config().get(BuiltinStep.RECORD_FORMAT)).isEqualTo("json");
        assertThat(((OperatorStepDefinition) occupancy.get(1)).config().get(TestComponents.FIELDS))
                .containsExactly(Map.entry("bus", "bus"), Map.entry("delta", "boarded - alighted"),
                        Map.entry("capacity", "capacity"));
        assertThat(builtin(occupancy.get(2)).config().get(BuiltinStep.FIELD)).isEqualTo("bus");
        assertThat(builtin(occupancy.get(3)).aggregations()).containsExactly(
                new Aggregation("delta", AggregateFunction.SUM, Optional.of("delta")),
                new Aggregation("capacity", AggregateFunction.LAST, Optional.of("capacity")),
                new Aggregation("events", AggregateFunction.COUNT, Optional.empty()));
        assertThat(builtin(occupancy.get(4)).aggregations()).map(Aggregation::toString).containsExactly(
                "occupancy = sum(delta)", "capacity = last(capacity)", "lowest = min(delta)",
                "highest = max(delta)", "since = first(delta)");

        List<StepDefinition> alerts = p.streams().get("alerts").steps();
        assertThat(alerts.get(0).config().get(TestComponents.CONDITION)).isEqualTo("occupancy >= capacity");
        assertThat(alerts.get(1).config().get(TestComponents.FIELDS)).containsOnlyKeys("bus", "occupancy", "capacity");
        assertThat(builtin(alerts.get(2)).step()).isEqualTo(BuiltinStep.FORMAT);
        assertThat(alerts.get(2).config().get(BuiltinStep.RECORD_FORMAT)).isEqualTo("text");
    }

    @Test
    void bindsTheStepsOfSparksRemainingOperationsInShorthandAndFullForm() {
        PipelineDefinition p = loader.load("steps.yaml", """
                name: steps
                batch-interval: 1s
                sources:
                  sensors: {type: generator}
                streams:
                  other:
                    from: sensors
                  all:
                    from: sensors
                    steps:
                      - flat-map: stops
                      - flat-map: {field: text, split: ",", as: word}
                      - repartition: 4
                      - repartition: {partitions: 2}
                      - count:
                      - reduce: {total: "sum(delta)"}
                      - group-by-key:
                      - cogroup: other
                      - reduce-by-key-and-window: {length: 2s, aggregations: {n: "count()"}, drop-empty: true}
                      - top-n: {n: 3, with: other}
                sinks:
                  out: {type: console, from: all}
                """);

        List<StepDefinition> steps = p.streams().get("all").steps();
        assertThat(steps.get(0).config().get(BuiltinStep.EXPLODED_FIELD)).isEqualTo("stops");
        assertThat(steps.get(0).config().find(BuiltinStep.ELEMENT_FIELD)).isEmpty();
        assertThat(steps.get(1).config().get(BuiltinStep.SPLIT)).isEqualTo(",");
        assertThat(steps.get(1).config().get(BuiltinStep.ELEMENT_FIELD)).isEqualTo("word");
        assertThat(steps.get(2).config().get(BuiltinStep.PARTITIONS)).isEqualTo(4);
        assertThat(steps.get(3).config().get(BuiltinStep.PARTITIONS)).isEqualTo(2);
        assertThat(builtin(steps.get(4)).step()).isEqualTo(BuiltinStep.COUNT);
        assertThat(builtin(steps.get(5)).aggregations()).map(Aggregation::toString).containsExactly("total = sum(delta)");
        assertThat(steps.get(6).config().get(BuiltinStep.GROUP_FIELD)).isEqualTo("records");
        assertThat(steps.get(7).reads()).containsExactly("other");
        assertThat(steps.get(8).config().get(BuiltinStep.DROP_EMPTY)).isTrue();
        assertThat(BuiltinStep.incremental(steps.get(8).config(), builtin(steps.get(8)).aggregations())).isTrue();
        assertThat(steps.get(9)).isInstanceOfSatisfying(TransformStepDefinition.class, t -> {
            assertThat(t.with()).contains("other");
            assertThat(t.reads()).containsExactly("other");
            assertThat(t.config().get(TestComponents.TOP_N)).isEqualTo(3);
        });
    }

    @Test
    void stepsKeepTheirPathAndLocation() throws IOException {
        StepDefinition keyBy = loadValid(loader).streams().get("occupancy").steps().get(2);

        assertThat(keyBy.path()).isEqualTo("streams.occupancy.steps[2]");
        assertThat(keyBy.location()).isEqualTo(new Location("bus-occupancy.yaml", 22, 9));
    }

    @Test
    void allowsStreamsWithoutSteps() throws IOException {
        PipelineDefinition p = loadValid(loader);

        assertThat(p.streams().get("raw").steps()).isEmpty();
        assertThat(p.streams().get("passthrough").steps()).isEmpty();
        assertThat(p.streams().get("passthrough").from()).isEqualTo("raw");
    }

    @Test
    void bindsSinksAndKeepsEscapedDollarBraceLiteral() throws IOException {
        PipelineDefinition p = loadValid(loader);

        assertThat(p.sinks().keySet()).containsExactly("alerts-out", "archive");
        SinkDefinition out = p.sinks().get("alerts-out");
        assertThat(out.from()).isEqualTo("alerts");
        assertThat(out.config().get(TestComponents.MAX_RECORDS)).isEqualTo(20);
        assertThat(p.sinks().get("archive").config().get(TestComponents.PATH)).isEqualTo("${NOT_INTERPOLATED}/archive");
    }

    @Test
    void ordersStreamsSoEachComesAfterItsInput() {
        PipelineDefinition p = loader.load("order.yaml", """
                name: order
                batch-interval: 250ms
                sources: {in: {type: generator}}
                streams:
                  last: {from: middle}
                  middle: {from: first}
                  first: {from: in}
                  side: {from: in}
                sinks: {out: {type: console, from: last}}
                """);

        assertThat(p.streams().keySet()).containsExactly("last", "middle", "first", "side");
        assertThat(p.streamsInTopologicalOrder()).map(StreamDefinition::name)
                .containsExactly("first", "middle", "last", "side");
        assertThat(p.checkpointDir()).isEmpty();
    }

    @Test
    void readsTheEnvironmentItIsGivenNotTheProcessEnvironment() {
        assertThat(System.getenv("PATH")).as("precondition: PATH is set for this JVM").isNotNull();

        assertThatThrownBy(() -> loader.load("env.yaml", "name: ${PATH}\n"))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("env.yaml:1:7: name: environment variable 'PATH' is not set");
    }

    @Test
    void namesTheFileAsGivenWhenLoadingAPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "name: p\nbatch-interval: soon\n");

        PipelineValidationException e = catchThrowableOfType(PipelineValidationException.class, () -> loader.load(file));

        assertThat(e.problems()).map(Problem::toString)
                .contains(file + ":2:17: batch-interval: must be a duration such as 500ms, 10s, 5m, 1h or 1d, got 'soon'");
    }

    @Test
    void anUnreadableFileIsAConfigException(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(ConfigException.class)
                .isNotInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("cannot read pipeline file " + missing);
    }

    @Test
    void aBuiltinStepWinsOverAnOperatorOfTheSameType() {
        ConfigKey<String> any = ConfigKey.string("any").description("Anything.").build();
        OperatorFactory parseOperator = new OperatorFactory() {
            public String type() {
                return "parse";
            }

            public String description() {
                return "An operator that claims a built-in step's name.";
            }

            public ConfigSpec configSpec() {
                return ConfigSpec.of(any);
            }

            public Operator create(Config config) {
                throw new AssertionError("the pipeline loader must not create components");
            }
        };
        ComponentRegistry registry = ComponentRegistry.of(parseOperator,
                TestComponents.registry().source("generator").orElseThrow().factory(),
                TestComponents.registry().sink("console").orElseThrow().factory());

        PipelineDefinition p = new PipelineLoader(registry, Map.of()).load("shadow.yaml", """
                name: shadow
                batch-interval: 1s
                sources: {in: {type: generator}}
                streams: {parsed: {from: in, steps: [{parse: bytes}]}}
                sinks: {out: {type: console, from: parsed}}
                """);

        assertThat(p.streams().get("parsed").steps().get(0)).isInstanceOf(BuiltinStepDefinition.class);
    }

    private static BuiltinStepDefinition builtin(StepDefinition step) {
        return (BuiltinStepDefinition) step;
    }

    static PipelineDefinition loadValid(PipelineLoader loader) throws IOException {
        try (InputStream in = PipelineLoaderTest.class.getResourceAsStream("/pipelines/valid/bus-occupancy.yaml")) {
            String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
            return loader.load("bus-occupancy.yaml", text);
        }
    }
}

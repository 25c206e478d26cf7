package io.sluice.platform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sluice.platform.plugin.ComponentRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PipelineSchemaTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String VALID = """
            name: bus-occupancy
            batch-interval: 1s
            sources:
              sensors: {type: generator, events-per-batch: 100, limit: "500", pause: 10ms}
              orders: {type: kafka, bootstrap-servers: "localhost:9092", topic: orders, password: secret}
            streams:
              occupancy:
                from: sensors
                steps:
                  - parse: json
                  - map: {bus: bus, delta: "boarded - alighted"}
                  - key-by: {field: bus}
                  - reduce-by-key: {delta: "sum(delta)"}
                  - update-state: {aggregations: {occupancy: "sum(delta)"}}
                  - filter: "occupancy >= 0"
              empty:
                from: orders
            sinks:
              out: {type: console, from: occupancy, max-records: 5}
            """;

    private final ObjectNode schema = PipelineSchema.generate(TestComponents.registry());

    @Test
    void isAValid2020_12Schema() {
        assertThat(metaSchemaErrors(schema)).isEmpty();
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void isValidWithoutAnyComponents() {
        assertThat(metaSchemaErrors(PipelineSchema.generate(ComponentRegistry.of()))).isEmpty();
    }

    @Test
    void acceptsAValidPipeline() {
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void rejectsAnUnknownKeyOfAComponent() {
        List<Error> errors = validate(VALID.replace("events-per-batch: 100", "evnts-per-batch: 100"));

        assertThat(errors).anySatisfy(e -> {
            assertThat(e.getKeyword()).isEqualTo("additionalProperties");
            assertThat(e.getProperty()).isEqualTo("evnts-per-batch");
            assertThat(e.getInstanceLocation().toString()).isEqualTo("/sources/sensors");
        });
    }

    @Test
    void rejectsAnUnknownTopLevelKeyAndAMissingRequiredOne() {
        List<Error> errors = validate(VALID.replace("batch-interval:", "batch-intervall:"));

        assertThat(errors).extracting(Error::getKeyword, Error::getProperty).contains(
                org.assertj.core.groups.Tuple.tuple("additionalProperties", "batch-intervall"),
                org.assertj.core.groups.Tuple.tuple("required", "batch-interval"));
    }

    @Test
    void rejectsUnknownTypesAndStepTypes() {
        assertThat(validate(VALID.replace("type: console", "type: printer")))
                .anySatisfy(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/sinks/out/type"));
        assertThat(validate(VALID.replace("- parse: json", "- parze: json")))
                .anySatisfy(e -> assertThat(e.getKeyword()).isEqualTo("propertyNames"));
    }

    @Test
    void rejectsBadValues() {
        assertThat(validate(VALID.replace("batch-interval: 1s", "batch-interval: 1 sec"))).isNotEmpty();
        assertThat(validate(VALID.replace("- parse: json", "- parse: xml"))).isNotEmpty();
        assertThat(validate(VALID.replace("events-per-batch: 100", "events-per-batch: lots"))).isNotEmpty();
        assertThat(validate(VALID.replace("key-by: {field: bus}", "key-by: {}"))).isNotEmpty();
    }

    @Test
    void describesEachComponentsSettingsPerType() {
        JsonNode generator = schema.at("/$defs/source.generator");
        assertThat(generator.get("description").asString()).isEqualTo("Test source generator.");
        assertThat(generator.at("/properties/type/const").asString()).isEqualTo("generator");
        JsonNode events = generator.at("/properties/events-per-batch");
        assertThat(events.get("default").asInt()).isEqualTo(1000);
        assertThat(events.get("description").asString()).isEqualTo("Events per batch. Must be at least 1.");
        assertThat(generator.at("/properties/workload/enum").toString()).isEqualTo("[\"bus-sensors\",\"counter\"]");
        assertThat(generator.at("/properties/limit/examples/0").isNumber()).isTrue();
        assertThat(generator.at("/properties/pause/default").asString()).isEqualTo("0ms");
        assertThat(generator.get("additionalProperties").asBoolean()).isFalse();

        JsonNode kafka = schema.at("/$defs/source.kafka");
        assertThat(kafka.get("required").toString()).isEqualTo("[\"bootstrap-servers\",\"topic\"]");
        assertThat(kafka.at("/properties/password/writeOnly").asBoolean()).isTrue();
        assertThat(schema.at("/$defs/source/properties/type/enum").toString()).isEqualTo("[\"generator\",\"kafka\"]");
        assertThat(schema.at("/$defs/sink.console/properties/from/$ref").asString()).isEqualTo("#/$defs/from");
    }

    @Test
    void describesStepsAsSingleKeyMappingsWithTheirShorthand() {
        JsonNode step = schema.at("/$defs/step");
        assertThat(step.get("maxProperties").asInt()).isEqualTo(1);
        assertThat(step.at("/propertyNames/enum").toString()).isEqualTo(
                "[\"parse\",\"format\",\"key-by\",\"flat-map\",\"repartition\",\"count\",\"reduce\",\"reduce-by-key\","
                + "\"group-by-key\",\"cogroup\",\"update-state\",\"map-with-state\",\"window\",\"reduce-by-window\","
                + "\"reduce-by-key-and-window\",\"group-by-key-and-window\",\"count-by-window\",\"count-by-value\","
                + "\"count-by-value-and-window\",\"union\",\"join\",\"filter\",\"map\",\"top-n\"]");
        assertThat(schema.at("/$defs/step.parse/else/enum").toString()).isEqualTo("[\"json\",\"text\",\"bytes\"]");
        assertThat(schema.at("/$defs/step.parse/then/properties/format/examples/0").asString()).isEqualTo("json");
        assertThat(schema.at("/$defs/step.reduce-by-key/description").asString())
                .isEqualTo(BuiltinStep.REDUCE_BY_KEY.description());
        assertThat(schema.at("/$defs/step.reduce-by-key/else/type").asString()).isEqualTo("object");
        assertThat(schema.at("/$defs/step.filter/else/description").asString())
                .isEqualTo("Keep records for which this is true.");
    }

    @Test
    void acceptsTheStepsOfSparksRemainingOperationsAndRejectsTheirBadShapes() {
        String steps = """
                      - flat-map: {field: text, split: " +", as: word}
                      - flat-map: tags
                      - repartition: 8
                      - count:
                      - reduce: {total: "sum(delta)"}
                      - group-by-key: readings
                      - cogroup: {with: empty, as: mine, with-as: theirs}
                      - reduce-by-window: {length: 10s, aggregations: {n: "count()"}, incremental: false}
                      - reduce-by-key-and-window: {length: 10s, aggregations: {n: "count()"}, drop-empty: true}
                      - group-by-key-and-window: {length: 10s, slide: 2s, as: recent}
                      - top-n: 3
                      - top-n: {n: 3, with: empty}
                      - filter: "occupancy >= 0"
                """;
        String pipeline = VALID.replace("      - filter: \"occupancy >= 0\"\n", steps);
        assertThat(pipeline).contains("group-by-key-and-window");
        assertThat(validate(pipeline)).isEmpty();

        assertThat(validate(pipeline.replace("repartition: 8", "repartition: eight"))).isNotEmpty();
        assertThat(validate(pipeline.replace("- count:", "- count: {as: n}"))).isNotEmpty();
        assertThat(validate(pipeline.replace("drop-empty: true", "drop-empty: sometimes"))).isNotEmpty();
        assertThat(validate(pipeline.replace("{with: empty, as: mine", "{as: mine"))).isNotEmpty();
        assertThat(validate(pipeline.replace("top-n: 3", "top-n: {n: 3, wiht: empty}"))).isNotEmpty();
        assertThat(schema.at("/$defs/step.top-n/description").asString()).isEqualTo("Test transform top-n.");
        assertThat(schema.at("/$defs/step.group-by-key/then/properties/as/default").asString()).isEqualTo("records");
        assertThat(schema.at("/$defs/step.reduce-by-key-and-window/properties/drop-empty/default").asBoolean())
                .isFalse();
        assertThat(schema.at("/$defs/step.reduce-by-key-and-window/properties/incremental").isMissingNode()).isFalse();
    }

    @Test
    void printsStableIndentedJson() {
        String json = PipelineSchema.toJson(TestComponents.registry());

        assertThat(json).isEqualTo(PipelineSchema.toJson(TestComponents.registry())).endsWith("}");
        assertThat(json).contains("\n  \"title\" : \"Sluice pipeline\"");
        assertThat(JsonMapper.builder().build().readTree(json)).isEqualTo(schema);
    }

    private List<Error> validate(String yaml) {
        Schema compiled = SCHEMAS.getSchema(schema);
        return compiled.validate(YAML.readTree(yaml));
    }

    private static List<Error> metaSchemaErrors(JsonNode schemaNode) {
        Schema meta = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        return meta.validate(schemaNode);
    }
}

package io.sluice.platform.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.pipeline.Location;
import io.sluice.platform.pipeline.PipelineSchema;
import io.sluice.platform.plugin.ComponentRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check on its own: errors are located through the tree, and deferred to the binder's. */
class SchemaCheckTest {
    private final SchemaCheck check = new SchemaCheck(PipelineSchema.generate(ComponentRegistry.of()));

    @Test
    void reportsSchemaErrorsAtTheKeyOrValueTheyConcern() {
        ProblemCollector problems = collector("name: 5x\nbatch-interval: soon\nsurprise: 1\nsources: {}\n");

        check.check(read(problems), problems);

        assertThat(problems.problems()).map(Object::toString).containsExactly(
                "f.yaml:1:1: sinks: required property 'sinks' not found",
                "f.yaml:1:7: name: does not match the regex pattern ^[A-Za-z][A-Za-z0-9_-]*$",
                "f.yaml:2:17: batch-interval: does not match the regex pattern " + KeySchemas.DURATION,
                "f.yaml:3:1: surprise: property 'surprise' is not defined in the schema and the schema does not allow"
                        + " additional properties",
                "f.yaml:4:10: sources: must have at least 1 properties");
    }

    @Test
    void skipsWhatIsAlreadyReportedAtTheSamePlaceOrAround() {
        ProblemCollector problems = collector("name: 5x\nbatch-interval: soon\nsurprise: 1\nsources: {}\n");
        YamlNode root = read(problems);
        problems.add(new Location("f.yaml", 1, 7), "name", "the binder's message");
        problems.add(new Location("f.yaml", 4, 1), "sources", "the binder's message");
        problems.missing(new Location("f.yaml", 1, 1), "sinks", "required");
        problems.unknownKey(((YamlNode.Mapping) root).entry("surprise").orElseThrow(), "", java.util.List.of("name"));

        check.check(root, problems);

        assertThat(problems.problems()).map(Object::toString).containsExactly(
                "f.yaml:1:1: sinks: required",
                "f.yaml:1:7: name: the binder's message",
                "f.yaml:2:17: batch-interval: does not match the regex pattern " + KeySchemas.DURATION,
                "f.yaml:3:1: surprise: unknown key 'surprise'; allowed keys: name",
                "f.yaml:4:1: sources: the binder's message");
    }

    private static YamlNode read(ProblemCollector problems) {
        return new YamlTreeReader(problems, new Interpolator(Map.of())).read().orElseThrow();
    }

    private static ProblemCollector collector(String text) {
        return new ProblemCollector(new SourceText("f.yaml", text));
    }
}

package io.sluice.platform.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.pipeline.Location;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
    @Test
    void keepsTheLocationOfKeysAndValues() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nb:\n  c: [x, 'y']\n", Map.of());

        YamlNode.Entry b = root.entry("b").orElseThrow();
        assertThat(b.keyLocation()).isEqualTo(new Location("f.yaml", 2, 1));
        YamlNode.Entry c = ((YamlNode.Mapping) b.value()).entry("c").orElseThrow();
        assertThat(c.keyLocation()).isEqualTo(new Location("f.yaml", 3, 3));
        YamlNode.Sequence list = (YamlNode.Sequence) c.value();
        assertThat(list.items()).map(YamlNode::location)
                .containsExactly(new Location("f.yaml", 3, 7), new Location("f.yaml", 3, 10));
    }

    @Test
    void pointsIntoPlainAndQuotedTextButNotIntoEscapedOrInterpolatedText() {
        ProblemCollector problems = collector("a: plain text\nb: \"quoted\"\nc: \"esc\\taped\"\nd: ${X:x}y\n");
        YamlNode.Mapping root = (YamlNode.Mapping) new YamlTreeReader(problems, new Interpolator(Map.of())).read().orElseThrow();

        assertThat(problems.locateInside(value(root, "a"), 6)).isEqualTo(new Location("f.yaml", 1, 10));
        assertThat(problems.locateInside(value(root, "b"), 2)).as("after the opening quote").isEqualTo(new Location("f.yaml", 2, 7));
        assertThat(problems.locateInside(value(root, "c"), 4)).as("the value's own column").isEqualTo(new Location("f.yaml", 3, 4));
        assertThat(problems.locateInside(value(root, "d"), 1)).isEqualTo(new Location("f.yaml", 4, 4));
    }

    @Test
    void pointsIntoTheLinesOfALiteralBlockButNotOfAFoldedOne() {
        ProblemCollector problems = collector("a: |\n  one\n    two\n  three\nb: >\n  one\n  two\n");
        YamlNode.Mapping root = (YamlNode.Mapping) new YamlTreeReader(problems, new Interpolator(Map.of())).read().orElseThrow();

        YamlNode.Scalar literal = value(root, "a");
        assertThat(literal.text()).isEqualTo("one\n  two\nthree\n");
        assertThat(problems.locateInside(literal, 1)).isEqualTo(new Location("f.yaml", 2, 4));
        assertThat(problems.locateInside(literal, 6)).isEqualTo(new Location("f.yaml", 3, 5));
        assertThat(problems.locateInside(literal, 12)).as("the r of three").isEqualTo(new Location("f.yaml", 4, 5));
        assertThat(problems.locateInside(value(root, "b"), 5)).isEqualTo(new Location("f.yaml", 5, 4));
    }

    @Test
    void typesInterpolatedPlainValuesButNotQuotedOnes() {
        YamlNode.Mapping root = (YamlNode.Mapping) read(
                "i: ${I:42}\nl: ${L:5000000000}\nd: ${D:2.5}\nb: ${B:true}\ns: ${S:1s}\nq: \"${Q:7}\"\n", Map.of());

        assertThat(value(root, "i").value()).isEqualTo(42);
        assertThat(value(root, "l").value()).isEqualTo(5_000_000_000L);
        assertThat(value(root, "d").value()).isEqualTo(2.5);
        assertThat(value(root, "b").value()).isEqualTo(true);
        assertThat(value(root, "s").value()).isEqualTo("1s");
        assertThat(value(root, "q").value()).isEqualTo("7");
    }

    @Test
    void reportsDuplicateKeysAndKeepsTheFirst() {
        ProblemCollector problems = collector("a: 1\nb: 2\na: 3\n");
        YamlNode.Mapping root = (YamlNode.Mapping) new YamlTreeReader(problems, new Interpolator(Map.of())).read().orElseThrow();

        assertThat(value(root, "a").value()).isEqualTo(1);
        assertThat(problems.problems()).map(Object::toString).containsExactly("f.yaml:3:1: a: duplicate key 'a' (first at line 1)");
    }

    @Test
    void reportsASecondDocumentAndAliases() {
        ProblemCollector problems = collector("a: &x 1\nb: *x\n---\nc: 2\n");
        new YamlTreeReader(problems, new Interpolator(Map.of())).read();

        assertThat(problems.problems()).map(Object::toString).containsExactly(
                "f.yaml:2:4: b: YAML aliases are not supported; write the value out",
                "f.yaml:4:1: a pipeline file holds one YAML document; remove this one or move it to its own file");
    }

    @Test
    void reportsASyntaxErrorWhereTheParserFoundIt() {
        ProblemCollector problems = collector("a: 'open\n");

        assertThat(new YamlTreeReader(problems, new Interpolator(Map.of())).read()).isEmpty();
        assertThat(problems.problems()).map(Object::toString).singleElement().asString()
                .startsWith("f.yaml:2:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar"
                        + " started at line 1, column 4)");
    }

    private static YamlNode read(String text, Map<String, String> env) {
        ProblemCollector problems = collector(text);
        YamlNode root = new YamlTreeReader(problems, new Interpolator(env)).read().orElseThrow();
        assertThat(problems.problems()).isEmpty();
        return root;
    }

    private static YamlNode.Scalar value(YamlNode.Mapping mapping, String key) {
        return (YamlNode.Scalar) mapping.entry(key).orElseThrow().value();
    }

    private static ProblemCollector collector(String text) {
        return new ProblemCollector(new SourceText("f.yaml", text));
    }
}

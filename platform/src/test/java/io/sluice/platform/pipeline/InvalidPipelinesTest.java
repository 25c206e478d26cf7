package io.sluice.platform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken pipeline in {@code src/test/resources/pipelines/invalid/} reports exactly the
 * problems listed at its end as {@code # expect: file:line:col: path: message}, in order.
 * One file per kind of fault, plus one with several faults at once.
 */
class InvalidPipelinesTest {
    private static final String DIR = "/pipelines/invalid/";
    private static final String EXPECT = "# expect: ";

    private final PipelineLoader loader = new PipelineLoader(TestComponents.registry(), Map.of("EVENTS", "500"));

    /** One per fault, in the order of the list, then extras, then several at once. */
    static final List<String> FIXTURES = List.of(
            "yaml-syntax.yaml", "unknown-key.yaml", "wrong-type.yaml", "missing-required.yaml",
            "no-sources-or-sinks.yaml", "bad-duration.yaml", "zero-interval.yaml", "unknown-type.yaml",
            "bad-expression.yaml", "bad-aggregation.yaml", "interpolation.yaml", "undefined-from.yaml",
            "cycle.yaml", "source-and-stream.yaml",
            "empty.yaml", "not-a-mapping.yaml", "duplicate-key.yaml", "bad-steps.yaml", "bad-names.yaml",
            "bad-shorthand.yaml", "bad-windows.yaml", "bad-slides.yaml", "bad-spark-steps.yaml", "bad-transforms.yaml", "bad-transform-slides.yaml",
            "several-faults.yaml");

    static List<String> fixtures() {
        return FIXTURES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportsExactlyTheExpectedProblems(String file) throws IOException {
        String text = read(file);
        List<String> expected = text.lines().filter(l -> l.startsWith(EXPECT))
                .map(l -> l.substring(EXPECT.length())).toList();
        assertThat(expected).as("expectations written in " + file).isNotEmpty();

        PipelineValidationException e = catchThrowableOfType(PipelineValidationException.class,
                () -> loader.load(file, text));

        assertThat(e).as(file + " must be rejected").isNotNull();
        assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected);
        assertThat(e.getMessage()).isEqualTo(String.join("\n", expected));
    }

    @Test
    void everyFixtureIsListed() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getResource(DIR)).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FIXTURES);
        }
    }

    @Test
    void problemsAreSortedByLineThenColumn() throws IOException {
        PipelineValidationException e = catchThrowableOfType(PipelineValidationException.class,
                () -> loader.load("several-faults.yaml", read("several-faults.yaml")));

        assertThat(e.problems()).isSortedAccordingTo((a, b) -> a.location().compareTo(b.location()));
        assertThat(e.problems()).hasSizeGreaterThan(10);
    }

    @Test
    void isAConfigException() {
        assertThat(new PipelineValidationException(List.of(new Problem(new Location("p.yaml", 1, 1), "", "x"))))
                .isInstanceOf(io.sluice.spi.config.ConfigException.class);
    }

    static String read(String file) throws IOException {
        try (InputStream in = InvalidPipelinesTest.class.getResourceAsStream(DIR + file)) {
            return new String(Objects.requireNonNull(in, file).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

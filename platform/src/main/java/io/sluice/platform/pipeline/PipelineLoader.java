package io.sluice.platform.pipeline;

import io.sluice.platform.pipeline.internal.Interpolator;
import io.sluice.platform.pipeline.internal.PipelineBinder;
import io.sluice.platform.pipeline.internal.ProblemCollector;
import io.sluice.platform.pipeline.internal.SchemaCheck;
import io.sluice.platform.pipeline.internal.SourceText;
import io.sluice.platform.pipeline.internal.YamlNode;
import io.sluice.platform.pipeline.internal.YamlTreeReader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads pipeline files into validated {@link PipelineDefinition}s, reporting every problem of a
 * file at once. Never creates a component: it only looks factories up and validates their
 * configuration. Thread-safe; build one per registry and environment and reuse it.
 *
 * <p>What is checked: YAML syntax (the first syntax error ends reading), duplicate keys, unknown
 * keys (with a did-you-mean), types, required keys, durations, {@code ${VAR}} references,
 * source, sink and step types, every value against its component's validators (an expression
 * error points at its column), names, {@code from} references, names used by both a source and a
 * stream, cycles between streams, and the file against {@link PipelineSchema}. Each fault is
 * reported once.
 *
 * <pre>{@code
 * PipelineLoader loader = new PipelineLoader(registry, System.getenv());
 * PipelineDefinition pipeline = loader.load(Path.of("examples/bus-occupancy.yaml"));
 * // or, for text from elsewhere (the name is used in problem locations):
 * PipelineDefinition same = loader.load("bus.yaml", yamlText);
 * }</pre>
 */
public final class PipelineLoader {
    private final ComponentRegistry registry;
    private final Interpolator interpolator;
    private final SchemaCheck schemaCheck;

    /**
     * @param registry the component types pipelines may use
     * @param env      the variables {@code ${NAME}} resolves against (e.g. {@code System.getenv()};
     *                 tests pass their own map)
     */
    public PipelineLoader(ComponentRegistry registry, Map<String, String> env) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.interpolator = new Interpolator(env);
        this.schemaCheck = new SchemaCheck(PipelineSchema.generate(registry));
    }

    /**
     * Reads and validates a pipeline file; problems name the file as {@code file.toString()}.
     *
     * @throws PipelineValidationException listing every problem
     * @throws ConfigException             if the file cannot be read
     */
    public PipelineDefinition load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read pipeline file " + file + ": " + e.getMessage(), e);
        }
        return load(file.toString(), text);
    }

    /**
     * Validates pipeline YAML given as text.
     *
     * @param fileName the name problems are reported under
     * @throws PipelineValidationException listing every problem
     */
    public PipelineDefinition load(String fileName, String yaml) {
        ProblemCollector problems = new ProblemCollector(new SourceText(fileName, yaml));
        Optional<YamlNode> root = new YamlTreeReader(problems, interpolator).read();
        Optional<PipelineDefinition> definition = root.flatMap(r -> new PipelineBinder(registry, problems).bind(r));
        root.filter(YamlNode.Mapping.class::isInstance).ifPresent(r -> schemaCheck.check(r, problems));
        if (!problems.isEmpty()) {
            throw new PipelineValidationException(problems.problems());
        }
        return definition.orElseThrow(() -> new IllegalStateException("no definition and no problem for " + fileName));
    }
}

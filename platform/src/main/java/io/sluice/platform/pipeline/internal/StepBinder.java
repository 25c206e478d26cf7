package io.sluice.platform.pipeline.internal;

import io.sluice.platform.engine.WindowSpan;
import io.sluice.platform.pipeline.Aggregation;
import io.sluice.platform.pipeline.BuiltinStep;
import io.sluice.platform.pipeline.BuiltinStepDefinition;
import io.sluice.platform.pipeline.OperatorStepDefinition;
import io.sluice.platform.pipeline.StepDefinition;
import io.sluice.platform.pipeline.TransformStepDefinition;
import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.ComponentKind;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.OperatorFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Binds one step ({@code - TYPE: CONFIG}) to a built-in step, an operator plugin or a
 * batch-transform plugin, with its validated configuration.
 */
final class StepBinder {
    private final ComponentRegistry registry;
    private final ProblemCollector problems;
    private final ConfigBinder configs;
    private final Optional<Duration> batchInterval;

    StepBinder(ComponentRegistry registry, ProblemCollector problems, Optional<Duration> batchInterval) {
        this.registry = registry;
        this.problems = problems;
        this.configs = new ConfigBinder(problems);
        this.batchInterval = batchInterval;
    }

    /** The step, or empty when a problem was reported. */
    Optional<StepDefinition> bind(YamlNode item, String path) {
        if (!(item instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1) {
            problems.add(item.location(), path, shapeProblem(item));
            return Optional.empty();
        }
        YamlNode.Entry entry = mapping.entries().get(0);
        String type = entry.key();
        String configPath = Paths.child(path, type);
        Optional<BuiltinStep> builtin = BuiltinStep.byType(type);
        if (builtin.isPresent()) {
            BuiltinStep step = builtin.get();
            return configs.bindStep(step.spec(), type, entry.value(), configPath, entry.keyLocation())
                    .filter(config -> !step.windowed() || windowFitsBatches(config, entry.value(), configPath))
                    .map(config -> new BuiltinStepDefinition(step, config, aggregations(step, config), path,
                            entry.keyLocation()))
                    .filter(definition -> settingsAgree(definition, entry.value(), configPath))
                    .map(StepDefinition.class::cast);
        }
        Optional<Component<OperatorFactory>> operator = registry.operator(type);
        if (operator.isPresent()) {
            return configs.bindStep(operator.get().factory().configSpec(), type, entry.value(), configPath,
                            entry.keyLocation())
                    .map(config -> new OperatorStepDefinition(operator.get(), config, path, entry.keyLocation()));
        }
        Optional<Component<BatchTransformFactory>> transform = registry.transform(type);
        if (transform.isPresent()) {
            return configs.bindStep(transform.get().factory().configSpec(), type, entry.value(), configPath,
                            entry.keyLocation())
                    .map(config -> new TransformStepDefinition(transform.get(), config, path, entry.keyLocation()));
        }
        List<String> known = new ArrayList<>(knownTypes());
        problems.add(entry.keyLocation(), path, "unknown step type '" + type + "'"
                + DidYouMean.hint(type, known, "known step types"));
        return Optional.empty();
    }

    /** Reports a window length or slide that is not a multiple of the batch interval; true if none is. */
    private boolean windowFitsBatches(Config config, YamlNode value, String configPath) {
        if (batchInterval.isEmpty()) {
            return true;
        }
        boolean lengthOk = fits(config.get(BuiltinStep.LENGTH), "window length", value, configPath,
                BuiltinStep.LENGTH.name());
        boolean slideOk = config.find(BuiltinStep.SLIDE)
                .map(slide -> fits(slide, "slide", value, configPath, BuiltinStep.SLIDE.name())).orElse(true);
        return lengthOk && slideOk;
    }

    /** Reports settings that are valid alone but not together ({@link BuiltinStep#checkSettings}); true if none. */
    private boolean settingsAgree(BuiltinStepDefinition step, YamlNode value, String configPath) {
        Optional<BuiltinStep.SettingProblem> problem = step.step().checkSettings(step.config(), step.aggregations());
        problem.ifPresent(p -> problems.add(valueOf(value, p.key()).location(), Paths.child(configPath, p.key()),
                p.message()));
        return problem.isEmpty();
    }

    /** The value written for {@code key} in a step's settings mapping, or the whole value. */
    private static YamlNode valueOf(YamlNode value, String key) {
        return value instanceof YamlNode.Mapping m ? m.entry(key).map(YamlNode.Entry::value).orElse(value) : value;
    }

    private boolean fits(Duration duration, String what, YamlNode value, String configPath, String key) {
        long interval = batchInterval.get().toMillis();
        if (duration.toMillis() % interval == 0 && Duration.ofMillis(duration.toMillis()).equals(duration)) {
            return true;
        }
        YamlNode at = valueOf(value, key);
        problems.add(at.location(), value instanceof YamlNode.Mapping ? Paths.child(configPath, key) : configPath,
                what + " " + WindowSpan.format(duration) + " is not a multiple of the batch interval "
                        + WindowSpan.format(batchInterval.get()));
        return false;
    }

    /** Built-in step types, operator and transform types, sorted, each once. */
    private TreeSet<String> knownTypes() {
        TreeSet<String> known = new TreeSet<>(registry.types(ComponentKind.OPERATOR));
        known.addAll(registry.types(ComponentKind.TRANSFORM));
        Arrays.stream(BuiltinStep.values()).map(BuiltinStep::type).forEach(known::add);
        return known;
    }

    private static List<Aggregation> aggregations(BuiltinStep step, Config config) {
        if (!step.aggregates()) {
            return List.of();
        }
        List<Aggregation> out = new ArrayList<>();
        config.get(BuiltinStep.AGGREGATIONS).forEach((field, spec) -> out.add(Aggregation.parse(field, spec)));
        return out;
    }

    private static String shapeProblem(YamlNode item) {
        String example = " (e.g. '- key-by: bus')";
        if (item instanceof YamlNode.Mapping mapping) {
            if (mapping.entries().isEmpty()) {
                return "a step is a mapping with one key, the step type" + example + ", got an empty mapping";
            }
            List<String> keys = mapping.entries().stream().map(YamlNode.Entry::key).toList();
            return "a step has exactly one key, its type, got " + String.join(", ", keys)
                    + " (start each step with '- ')";
        }
        return "a step is a mapping with one key, the step type" + example + ", got " + item.describe();
    }
}

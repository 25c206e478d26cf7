package io.sluice.platform.pipeline;

import io.sluice.spi.config.Config;
import java.util.List;
import java.util.Objects;

/**
 * A built-in engine step with its validated configuration, and for {@code reduce-by-key} and
 * {@code update-state} the aggregations parsed from it.
 *
 * <pre>{@code
 * if (step.step() == BuiltinStep.REDUCE_BY_KEY) {
 *     for (Aggregation a : step.aggregations()) { ... }   // delta = sum(delta)
 * }
 * }</pre>
 *
 * @param step         which built-in step
 * @param config       its configuration (keys of {@link BuiltinStep#spec()})
 * @param aggregations the parsed aggregations, in the order written; empty for other steps
 * @param path         e.g. {@code streams.occupancy.steps[2]}
 * @param location     where the step type is written
 */
public record BuiltinStepDefinition(BuiltinStep step, Config config, List<Aggregation> aggregations, String path,
        Location location) implements StepDefinition {
    public BuiltinStepDefinition {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(config, "config");
        aggregations = List.copyOf(aggregations);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String type() {
        return step.type();
    }

    @Override
    public List<String> reads() {
        return step.reads(config);
    }
}

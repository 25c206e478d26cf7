package io.sluice.platform.pipeline;

import io.sluice.platform.plugin.Component;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.OperatorFactory;
import java.util.Objects;

/**
 * A step run by an operator plugin, looked up by step type in the component registry.
 *
 * <pre>{@code
 * Operator op = step.component().factory().create(step.config());
 * }</pre>
 *
 * @param component the registered operator
 * @param config    its configuration, validated against the operator's spec
 * @param path      e.g. {@code streams.alerts.steps[0]}
 * @param location  where the step type is written
 */
public record OperatorStepDefinition(Component<OperatorFactory> component, Config config, String path,
        Location location) implements StepDefinition {
    public OperatorStepDefinition {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String type() {
        return component.type();
    }
}

package io.sluice.platform.pipeline;

import io.sluice.platform.plugin.Component;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.BatchTransformFactory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A step run by a batch-transform plugin (Spark's {@code transform}, or {@code transformWith}
 * when its configuration names a second stream with {@link BatchTransformFactory#WITH}), looked up
 * by step type in the component registry.
 *
 * <pre>{@code
 * BatchTransform transform = step.component().factory().create(step.config());
 * Optional<String> other = step.with();   // transformWith's second stream
 * }</pre>
 *
 * @param component the registered transform
 * @param config    its configuration, validated against the transform's spec
 * @param path      e.g. {@code streams.leaders.steps[1]}
 * @param location  where the step type is written
 */
public record TransformStepDefinition(Component<BatchTransformFactory> component, Config config, String path,
        Location location) implements StepDefinition {
    public TransformStepDefinition {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String type() {
        return component.type();
    }

    /**
     * The second stream of a {@code transformWith}, if the step names one (with the SPI's
     * {@link BatchTransformFactory#WITH} key; a plugin's own key of that name is just a setting).
     */
    public Optional<String> with() {
        return config.spec().key(BatchTransformFactory.WITH.name()).orElse(null) == BatchTransformFactory.WITH
                ? config.find(BatchTransformFactory.WITH) : Optional.empty();
    }

    @Override
    public List<String> reads() {
        return with().stream().toList();
    }
}

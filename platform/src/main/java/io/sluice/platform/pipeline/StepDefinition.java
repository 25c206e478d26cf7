package io.sluice.platform.pipeline;

import io.sluice.spi.config.Config;
import java.util.List;

/**
 * One step of a stream: a built-in engine step ({@code parse}, {@code key-by},
 * {@code reduce-by-key}, ...), an operator plugin ({@code filter}, {@code map}, ...) or a
 * batch-transform plugin ({@code top-n}, ...), each with its validated configuration.
 *
 * <pre>{@code
 * if (step instanceof BuiltinStepDefinition b && b.step() == BuiltinStep.KEY_BY) {
 *     String field = b.config().get(BuiltinStep.FIELD);
 * } else if (step instanceof OperatorStepDefinition o) {
 *     Operator op = o.component().factory().create(o.config());
 * }
 * }</pre>
 */
public sealed interface StepDefinition permits BuiltinStepDefinition, OperatorStepDefinition, TransformStepDefinition {
    /** The step type as written in YAML ({@code parse}, {@code filter}). */
    String type();

    /** The validated configuration. */
    Config config();

    /** The path used in problems, e.g. {@code streams.alerts.steps[0]}. */
    String path();

    /** Where the step's type is written. */
    Location location();

    /** The sources or streams this step reads besides its stream's input ({@code union}, {@code join}). */
    default List<String> reads() {
        return List.of();
    }
}

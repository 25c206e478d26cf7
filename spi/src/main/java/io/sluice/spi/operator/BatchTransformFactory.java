package io.sluice.spi.operator;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.Validators;

/**
 * Creates {@link BatchTransform}s of one type, used as a pipeline step by that type name (step
 * types are shared with {@link OperatorFactory}: a type name is either an operator or a batch
 * transform). Discovered as a pf4j extension.
 *
 * <p>A transform of two streams (Spark's {@code transformWith}) declares {@link #WITH} in its
 * config spec: the platform resolves the named source or stream, checks that it slides like the
 * step's stream, and calls {@link BatchTransform#transformWith} when the step sets it.
 *
 * <pre>{@code
 * @Extension
 * public final class TopNFactory implements BatchTransformFactory {
 *     static final ConfigKey<String> BY = ConfigKey.string("by").description("The field.").required().build();
 *     static final ConfigKey<Integer> N = ConfigKey.integer("n").description("How many.").required().build();
 *     public String type() { return "top-n"; }
 *     public String description() { return "Keeps the n records with the largest value of a field, per batch."; }
 *     public ConfigSpec configSpec() { return ConfigSpec.of(N, BY); }
 *     public BatchTransform create(Config config) { return new TopN(config.get(BY), config.get(N)); }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface BatchTransformFactory extends ComponentFactory {
    /**
     * The second stream of a two-stream transform: a source or stream name. Put it in the
     * {@code configSpec()} of a transform that implements {@link BatchTransform#transformWith}.
     */
    ConfigKey<String> WITH = ConfigKey.string("with")
            .description("The source or stream whose batch is combined with this stream's (Spark's transformWith); "
                    + "both must slide alike.")
            .example("payments")
            .validate(Validators.notEmpty())
            .build();

    /**
     * Creates the transform of one pipeline step, after {@code config} was validated. Resolve
     * names and compile what can be compiled here, not per batch.
     */
    BatchTransform create(Config config);
}

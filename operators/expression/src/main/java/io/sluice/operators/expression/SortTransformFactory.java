package io.sluice.operators.expression;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.BatchTransformFactory;
import org.pf4j.Extension;

/**
 * The {@code sort} step, a batch transform (Spark's {@code transform}): each batch's records
 * ordered by an expression, optionally cut to the first {@code limit} (top-n).
 *
 * <pre>{@code
 * steps:
 *   - sort: {by: "occupancy - capacity", descending: true, limit: 10}   # the 10 fullest buses, per batch
 * }</pre>
 */
@Extension
public final class SortTransformFactory implements BatchTransformFactory {
    static final ConfigKey<String> BY = ConfigKey.expression("by")
            .description("The expression records are ordered by: numbers by value, strings alphabetically, false "
                    + "before true; records whose values are of different kinds are ordered by kind. Records with equal "
                    + "values keep their order in the batch.")
            .example("occupancy - capacity")
            .required()
            .validate(ExpressionCompiler.COMPILES)
            .build();
    static final ConfigKey<Boolean> DESCENDING = ConfigKey.bool("descending")
            .description("Whether the largest values come first.")
            .example("true")
            .defaultValue(false)
            .build();
    static final ConfigKey<Integer> LIMIT = ConfigKey.integer("limit")
            .description("How many records of each batch are kept, from the first; by default all.")
            .example("10")
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(BY, DESCENDING, LIMIT).withShorthand(BY);

    @Override
    public String type() {
        return "sort";
    }

    @Override
    public String description() {
        return "Orders each batch's records by an expression (a whole-batch step, Spark's transform); with limit, "
                + "keeps the first ones (top-n per batch). Records the expression fails on go to the error reporter.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public BatchTransform create(Config config) {
        return new SortTransform(ExpressionCompiler.compile(config.get(BY)), config.get(DESCENDING),
                config.find(LIMIT).orElse(Integer.MAX_VALUE));
    }
}

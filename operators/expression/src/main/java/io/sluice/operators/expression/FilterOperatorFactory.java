package io.sluice.operators.expression;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import org.pf4j.Extension;

/**
 * The {@code filter} step: keeps the records for which an expression is true.
 *
 * <pre>{@code
 * steps:
 *   - filter: "occupancy >= capacity"
 * }</pre>
 */
@Extension
public final class FilterOperatorFactory implements OperatorFactory {
    static final ConfigKey<String> EXPRESSION = ConfigKey.expression("expression")
            .description("A condition over the record's fields (and key, timestamp); records for which it is true are "
                    + "kept. Anything but true or false is an error for that record.")
            .example("occupancy >= capacity")
            .required()
            .validate(ExpressionCompiler.COMPILES)
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(EXPRESSION).withShorthand(EXPRESSION);

    @Override
    public String type() {
        return "filter";
    }

    @Override
    public String description() {
        return "Keeps the records for which an expression over their fields is true.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Operator create(Config config) {
        return new FilterOperator(ExpressionCompiler.compile(config.get(EXPRESSION)));
    }
}

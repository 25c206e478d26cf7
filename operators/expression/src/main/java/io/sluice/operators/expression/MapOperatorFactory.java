package io.sluice.operators.expression;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The {@code map} step: replaces each record's fields with the listed ones, each computed by an
 * expression over the input's fields; key, timestamp and headers are kept.
 *
 * <pre>{@code
 * steps:
 *   - map: {bus: "key", occupancy: "occupancy", over: "occupancy - capacity"}
 * }</pre>
 */
@Extension
public final class MapOperatorFactory implements OperatorFactory {
    static final ConfigKey<Map<String, String>> FIELDS = ConfigKey.stringMap("fields")
            .description("The output record's fields, in order: each name maps to an expression over the input record's "
                    + "fields (and key, timestamp). Fields not listed are dropped.")
            .example("{bus: \"key\", delta: \"boarded - alighted\"}")
            .required()
            .validate(Validators.described("a mapping of field names to valid expressions", MapOperatorFactory::compileAll))
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(FIELDS).withShorthand(FIELDS);

    @Override
    public String type() {
        return "map";
    }

    @Override
    public String description() {
        return "Computes each record's fields from expressions over its fields; key, timestamp and headers are kept "
                + "(so on a keyed stream this is Spark's mapValues).";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Operator create(Config config) {
        return new MapOperator(compileAll(config.get(FIELDS)));
    }

    /**
     * @throws ConfigException naming the field, with the column inside its expression
     */
    static Map<String, CompiledExpression> compileAll(Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new ConfigException("must list at least one output field");
        }
        Map<String, CompiledExpression> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            try {
                compiled.put(field.getKey(), ExpressionCompiler.compile(field.getValue()));
            } catch (ConfigException e) {
                String where = e.offset() < 0 ? "" : " at column " + (e.offset() + 1) + " of \"" + field.getValue() + "\"";
                throw new ConfigException("field '" + field.getKey() + "': " + e.getMessage() + where, e);
            }
        }
        return compiled;
    }
}

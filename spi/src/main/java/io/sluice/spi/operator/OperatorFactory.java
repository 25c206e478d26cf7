package io.sluice.spi.operator;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.config.Config;

/**
 * Creates operators of one type, used as a pipeline step by that type name. Discovered as a pf4j
 * extension.
 *
 * <pre>{@code
 * @Extension
 * public final class FilterOperatorFactory implements OperatorFactory {
 *     public String type() { return "filter"; }
 *     public String description() { return "Keeps records for which an expression is true."; }
 *     public ConfigSpec configSpec() { return FilterOperator.SPEC; }
 *     public Operator create(Config config) { return new FilterOperator(config.get(FilterOperator.EXPRESSION)); }
 * }
 * }</pre>
 */
public interface OperatorFactory extends ComponentFactory {
    /**
     * Creates the operator of one pipeline step, after {@code config} was validated. Compile
     * expressions and resolve names here (once), not per record.
     */
    Operator create(Config config);

    /**
     * Whether the operator keeps keyed state. If so, the engine partitions its input by record
     * key before it, and {@link OperatorContext#state()} is the current key's state.
     */
    default boolean keyed() {
        return false;
    }
}

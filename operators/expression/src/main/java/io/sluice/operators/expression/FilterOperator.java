package io.sluice.operators.expression;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;

/** Emits the records for which its condition is true; a condition that is not a boolean is a bad record. */
final class FilterOperator implements Operator {
    private final CompiledExpression condition;

    FilterOperator(CompiledExpression condition) {
        this.condition = condition;
    }

    @Override
    public void process(Record record, OperatorContext context, Emitter out) {
        Object result = condition.evaluateCondition(record);
        if (!(result instanceof Boolean keep)) {
            throw new BadRecordException("filter '" + condition + "' gave " + result
                    + (result == null ? "" : " (" + result.getClass().getSimpleName() + ")")
                    + ", not true or false, for record " + CompiledExpression.describe(record));
        }
        if (keep) {
            out.emit(record);
        }
    }

    @Override
    public String toString() {
        return "filter " + condition;
    }
}

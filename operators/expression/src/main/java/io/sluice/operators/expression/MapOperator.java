package io.sluice.operators.expression;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import java.util.Map;

/**
 * Emits, for each record, a record of exactly the configured fields, each the value of its
 * expression over the input; the input's key, timestamp, headers and position are kept, its payload
 * is not.
 */
final class MapOperator implements Operator {
    private final String[] names;
    private final CompiledExpression[] expressions;
    private final RecordSchema schema;

    MapOperator(Map<String, CompiledExpression> fields) {
        this.names = fields.keySet().toArray(String[]::new);
        this.expressions = fields.values().toArray(CompiledExpression[]::new);
        this.schema = RecordSchema.of(names);
    }

    @Override
    public void process(Record record, OperatorContext context, Emitter out) {
        Record.Builder mapped = Record.builder().key(record.key()).timestamp(record.timestamp()).position(record.position());
        if (!record.headers().isEmpty()) {
            mapped.headers(record.headers());
        }
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Object value;
            try {
                value = expressions[i].evaluate(record);
            } catch (BadRecordException e) {
                throw new BadRecordException("map field '" + names[i] + "': " + e.getMessage(), e);
            }
            values[i] = FieldValues.toFieldValue(names[i], value);
        }
        out.emit(mapped.fields(schema, values).build());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("map {");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append(": ").append(expressions[i]);
        }
        return sb.append('}').toString();
    }
}

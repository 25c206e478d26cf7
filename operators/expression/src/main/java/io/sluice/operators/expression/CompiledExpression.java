package io.sluice.operators.expression;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;

/**
 * An expression compiled once, evaluated per record. Thread-safe. A record the expression cannot be
 * evaluated on (a field it lacks, a null operand, a division by zero) is a {@link BadRecordException}
 * naming the expression, the field and the record.
 *
 * <p>JEXL compiles and checks every expression (the sandbox is the front end); expressions in the
 * plain subset of {@link FastExpressionParser} also get a {@link FastExpression} that reads fields by
 * position and does whole-number arithmetic directly, and JEXL evaluates only the records the fast
 * form declines, so results and errors are JEXL's either way.
 */
final class CompiledExpression {
    private static final int MAX_RECORD_TEXT = 200;

    private final String text;
    private final JexlExpression expression;
    private final FastExpression fast;

    CompiledExpression(String text, JexlExpression expression) {
        this.text = text;
        this.expression = expression;
        this.fast = FastExpressionParser.parse(text);
    }

    /**
     * @throws BadRecordException if the expression cannot be evaluated on {@code record}
     */
    Object evaluate(Record record) {
        if (fast != null) {
            Object value = fast.evaluate(record);
            if (value != FastExpression.FALLBACK) {
                return value;
            }
        }
        return evaluateWithJexl(record);
    }

    /**
     * {@link #evaluate} for a condition: the fast form's result is taken only when it is a boolean,
     * so whatever is reported about a non-boolean result comes from JEXL's value.
     */
    Object evaluateCondition(Record record) {
        if (fast != null) {
            Object value = fast.evaluate(record);
            if (value instanceof Boolean) {
                return value;
            }
        }
        return evaluateWithJexl(record);
    }

    /** Whether the expression has a fast form (for tests). */
    boolean isFast() {
        return fast != null;
    }

    /** Evaluates with JEXL alone (for tests comparing the two). */
    Object evaluateWithJexl(Record record) {
        try {
            return expression.evaluate(new RecordContext(record));
        } catch (JexlException.Variable e) {
            String problem = e.isUndefined() ? "has no field '" + e.getVariable() + "'" : "has a null '" + e.getVariable() + "'";
            throw new BadRecordException("'" + text + "': record " + describe(record) + " " + problem, e);
        } catch (JexlException e) {
            String cause = e.getCause() == null || e.getCause().getMessage() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new BadRecordException("'" + text + "' failed on record " + describe(record) + ": "
                    + ExpressionCompiler.withoutLocation(e.getMessage()) + cause, e);
        }
    }

    /** The record's position, if known, and its contents, shortened. */
    static String describe(Record record) {
        String contents = record.toString();
        if (contents.length() > MAX_RECORD_TEXT) {
            contents = contents.substring(0, MAX_RECORD_TEXT) + "...";
        }
        return record.position() == null ? contents : record.position() + " " + contents;
    }

    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}

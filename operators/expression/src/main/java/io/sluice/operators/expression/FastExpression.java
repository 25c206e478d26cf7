package io.sluice.operators.expression;

import io.sluice.spi.Record;
import io.sluice.spi.RecordSchema;

/**
 * The compiled form of an expression in the plain subset {@link FastExpressionParser} accepts:
 * field reads by position (each name resolved once per record layout), whole-number arithmetic and
 * comparisons, and boolean logic, evaluated without a context object, an interpreter or boxing of
 * intermediate booleans. Whenever the result could differ from JEXL's in any way (a missing or null
 * field, a value that is not a whole number, a boolean or text where one is expected, overflow,
 * division by zero) it returns {@link #FALLBACK} and the caller evaluates with JEXL, which gives
 * the result or the error. Immutable and thread-safe (the layout caches are racy but hold immutable
 * entries). It can only read fields: it has no calls, loops, assignments or reflection.
 */
abstract class FastExpression {
    /** "Evaluate this one with JEXL": never a field value. */
    static final Object FALLBACK = new Object() {
        @Override
        public String toString() {
            return "FALLBACK";
        }
    };

    /** The value, or {@link #FALLBACK}. */
    abstract Object evaluate(Record record);

    static long asLong(Object v) {
        return v instanceof Long l ? l : (Integer) v;
    }

    static boolean isWhole(Object v) {
        return v instanceof Long || v instanceof Integer;
    }

    /** A constant: a whole number, {@code true}/{@code false}, or text. */
    static final class Literal extends FastExpression {
        private final Object value;

        Literal(Object value) {
            this.value = value;
        }

        @Override
        Object evaluate(Record record) {
            return value;
        }
    }

    /** A field (or {@code key} / {@code timestamp} when the record has no field of that name), read by position. */
    static final class Field extends FastExpression {
        private final String name;
        private Layout layout;

        Field(String name) {
            this.name = name;
        }

        @Override
        Object evaluate(Record record) {
            RecordSchema schema = record.schema();
            Layout known = layout;
            if (known == null || known.schema != schema) {
                known = new Layout(schema, schema.indexOf(name));
                layout = known;
            }
            Object value;
            if (known.index >= 0) {
                value = record.get(known.index);
            } else if (RecordContext.KEY.equals(name)) {
                value = record.key();
            } else if (RecordContext.TIMESTAMP.equals(name)) {
                value = record.timestamp();
            } else {
                return FALLBACK;
            }
            return value == null ? FALLBACK : value;
        }

        private record Layout(RecordSchema schema, int index) {
        }
    }

    /** {@code -x} and {@code !x}. */
    static final class Unary extends FastExpression {
        private final char op;
        private final FastExpression operand;

        Unary(char op, FastExpression operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object evaluate(Record record) {
            Object v = operand.evaluate(record);
            if (op == '!') {
                return v instanceof Boolean b ? (Boolean) !b : FALLBACK;
            }
            if (!isWhole(v) || asLong(v) == Long.MIN_VALUE) {
                return FALLBACK;
            }
            return -asLong(v);
        }
    }

    /** {@code &&} and {@code ||} on booleans, short-circuiting like JEXL. */
    static final class Logical extends FastExpression {
        private final boolean and;
        private final FastExpression left;
        private final FastExpression right;

        Logical(boolean and, FastExpression left, FastExpression right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Record record) {
            if (!(left.evaluate(record) instanceof Boolean l)) {
                return FALLBACK;
            }
            if (l != and) {
                return l;
            }
            Object r = right.evaluate(record);
            return r instanceof Boolean ? r : FALLBACK;
        }
    }

    /** Arithmetic and comparisons on whole numbers; {@code ==}/{@code !=} also on two texts or two booleans. */
    static final class Binary extends FastExpression {
        static final String OPERATORS = "+ - * / % < <= > >= == !=";
        private static final java.util.List<String> CODES = java.util.List.of(OPERATORS.split(" "));

        private final int op;
        private final FastExpression left;
        private final FastExpression right;

        /**
         * @param op one of {@link #OPERATORS}
         */
        Binary(String op, FastExpression left, FastExpression right) {
            this.op = CODES.indexOf(op);
            if (this.op < 0) {
                throw new IllegalArgumentException("not a fast operator: " + op);
            }
            this.left = left;
            this.right = right;
        }

        @Override
        Object evaluate(Record record) {
            Object l = left.evaluate(record);
            if (l == FALLBACK) {
                return FALLBACK;
            }
            Object r = right.evaluate(record);
            if (r == FALLBACK) {
                return FALLBACK;
            }
            if (isWhole(l) && isWhole(r)) {
                return whole(asLong(l), asLong(r));
            }
            boolean sameKind = (l instanceof String && r instanceof String) || (l instanceof Boolean && r instanceof Boolean);
            if (sameKind && op == 9) {
                return l.equals(r);
            }
            if (sameKind && op == 10) {
                return !l.equals(r);
            }
            return FALLBACK;
        }

        private Object whole(long a, long b) {
            try {
                return switch (op) {   // the positions in OPERATORS
                    case 0 -> Math.addExact(a, b);
                    case 1 -> Math.subtractExact(a, b);
                    case 2 -> Math.multiplyExact(a, b);
                    case 3 -> b == 0 || (a == Long.MIN_VALUE && b == -1) ? FALLBACK : a / b;
                    case 4 -> b == 0 ? FALLBACK : a % b;
                    case 5 -> a < b;
                    case 6 -> a <= b;
                    case 7 -> a > b;
                    case 8 -> a >= b;
                    case 9 -> a == b;
                    default -> a != b;
                };
            } catch (ArithmeticException overflow) {
                return FALLBACK;   // JEXL widens to BigInteger: let it
            }
        }
    }
}

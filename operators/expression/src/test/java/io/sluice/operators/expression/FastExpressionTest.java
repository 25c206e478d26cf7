package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast form agrees with JEXL on every record it does not decline, and declines what JEXL must decide. */
class FastExpressionTest {
    private static final List<String> EXPRESSIONS = List.of(
            "boarded - alighted", "occupancy >= capacity", "a + b * c - d / e % f", "(a + b) * c", "-a", "- -a",
            "!(a > b)", "a > 1 && b < 2 || c == 3", "a <= b != (c >= d)", "bus == 'bus-1'", "bus != \"bus-2\"",
            "key", "timestamp - 5", "a / b", "a % b", "a * b * c * d", "flag && a > 0", "flag || a > 0", "!flag",
            "true", "7", "a == b", "bus == a", "flag == (a < b)", "a - 2 * (b + 3) < c % 4");

    @Test
    void agreesWithJexlOnRandomRecords() {
        Random random = new Random(11);
        for (String text : EXPRESSIONS) {
            CompiledExpression expression = ExpressionCompiler.compile(text);
            assertThat(expression.isFast()).as(text).isTrue();
            for (int n = 0; n < 3_000; n++) {
                Record record = randomRecord(random);
                Object fast = FastExpressionParser.parse(text).evaluate(record);
                if (fast == FastExpression.FALLBACK) {
                    continue;
                }
                Object jexl;
                try {
                    jexl = expression.evaluateWithJexl(record);
                } catch (BadRecordException e) {
                    throw new AssertionError("fast gave " + fast + " where JEXL fails for " + text + " on " + record, e);
                }
                assertThat(FieldValues.toFieldValue("f", fast)).as(text + " on " + record)
                        .isEqualTo(FieldValues.toFieldValue("f", jexl));
                assertThat(expression.evaluate(record)).isEqualTo(fast);
            }
        }
    }

    @Test
    void declinesRecordsJexlMustDecide() {
        Record missing = Record.builder().field("a", 1L).build();
        Record nulls = Record.builder().field("a", null).field("b", 2L).build();
        Record overflow = Record.builder().field("a", Long.MAX_VALUE).field("b", 1L).build();
        Record zero = Record.builder().field("a", 1L).field("b", 0L).build();
        Record text = Record.builder().field("a", "1").field("b", 1L).build();
        Record decimal = Record.builder().field("a", 1.5).field("b", 1L).build();

        assertThat(FastExpressionParser.parse("a + b").evaluate(missing)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a + b").evaluate(nulls)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a + b").evaluate(overflow)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a / b").evaluate(zero)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a % b").evaluate(zero)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a == b").evaluate(text)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a < b").evaluate(decimal)).isSameAs(FastExpression.FALLBACK);
        assertThat(FastExpressionParser.parse("a && b > 0").evaluate(text)).isSameAs(FastExpression.FALLBACK);
    }

    @Test
    void theJexlPathStillReportsWhatTheFastFormDeclined() {
        CompiledExpression sum = ExpressionCompiler.compile("a + b");
        CompiledExpression ratio = ExpressionCompiler.compile("a / b");

        assertThat(sum.evaluate(Record.builder().field("a", Long.MAX_VALUE).field("b", 1L).build()))
                .isEqualTo(new java.math.BigInteger("9223372036854775808"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sum.evaluate(Record.builder().field("a", 1L).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("has no field 'b'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ratio.evaluate(Record.builder().field("a", 1L).field("b", 0L).build()))
                .isInstanceOf(BadRecordException.class);
    }

    @Test
    void leavesEverythingOutsideThePlainSubsetToJexl() {
        for (String text : List.of("a eq b", "a =~ b", "a !~ b", "a << 2", "a >> 2", "1L + a", "1.5 * a", "1e3", "0x10",
                "010", "a.b", "a[0]", "size(a)", "empty(a)", "a ? b : c", "a ?: b", "a ?? b", "a & b", "a | b", "a ^ b",
                "~a", "'esc\\'aped'", "a === b", "null", "a and b", "not a", "a div b", "a mod b", "x =^ 'a'",
                "12345678901234567890", "$a", "a -- b", "")) {
            assertThat(FastExpressionParser.parse(text)).as(text).isNull();
        }
    }

    private static Record randomRecord(Random random) {
        Record.Builder b = Record.builder().key(random.nextBoolean() ? "bus-1" : 42L).timestamp(random.nextInt(100));
        for (String name : List.of("a", "b", "c", "d", "e", "f", "boarded", "alighted", "occupancy", "capacity")) {
            switch (random.nextInt(12)) {
                case 0 -> { }                                    // missing
                case 1 -> b.field(name, null);
                case 2 -> b.field(name, random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
                case 3 -> b.field(name, random.nextInt(5) - 2);  // Integer
                case 4 -> b.field(name, 0L);
                default -> b.field(name, (long) (random.nextInt(41) - 20));
            }
        }
        b.field("flag", random.nextInt(4) == 0 ? (Object) 1L : random.nextBoolean());
        b.field("bus", random.nextInt(5) == 0 ? (Object) 3L : "bus-" + random.nextInt(3));
        return b.build();
    }
}

package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
    private static final Record EVENT = Record.builder()
            .field("occupancy", 81L).field("capacity", 80L).field("boarded", 3L).field("alighted", 1L).build();

    private static Object eval(String expression, Record record) {
        return ExpressionCompiler.compile(expression).evaluate(record);
    }

    @Test
    void arithmeticOnLongFieldsStaysLong() {
        assertThat(eval("boarded - alighted", EVENT)).isEqualTo(2L);
        assertThat(eval("boarded + 1", EVENT)).isEqualTo(4L);
        assertThat(eval("occupancy / 2", EVENT)).as("integer division, as in Java").isEqualTo(40L);
        assertThat(eval("occupancy * 100000000000", EVENT)).isEqualTo(8_100_000_000_000L);
    }

    @Test
    void comparisonsAndDecimals() {
        assertThat(eval("occupancy >= capacity", EVENT)).isEqualTo(true);
        assertThat(eval("capacity * 0.9", EVENT)).isEqualTo(72.0);
        assertThat(eval("occupancy > capacity * 0.9 && boarded != alighted", EVENT)).isEqualTo(true);
    }

    @Test
    void keyAndTimestampAreVariablesButFieldsComeFirst() {
        Record keyed = EVENT.toBuilder().key("bus-0042").timestamp(1732390000123L).build();
        assertThat(eval("key", keyed)).isEqualTo("bus-0042");
        assertThat(eval("timestamp - 1732390000000", keyed)).isEqualTo(123L);
        assertThat(eval("key", Record.builder().key("k").field("key", "field").build())).isEqualTo("field");
        assertThat(eval("key == null", EVENT)).isEqualTo(true);
    }

    @Test
    void aSyntaxErrorPointsAtItsColumn() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ExpressionCompiler.compile("occupancy >= "));
        assertThat(e.offset()).isEqualTo(10);
        assertThat(e.getMessage()).isEqualTo("syntax error at '>='");

        ConfigException paren = catchThrowableOfType(ConfigException.class, () -> ExpressionCompiler.compile("(boarded - alighted"));
        assertThat(paren.offset()).as("JEXL reports the token it stopped at").isEqualTo(11);
        assertThat(paren.getMessage()).isEqualTo("syntax error at 'alighted'");
    }

    @Test
    void aForbiddenConstructPointsAtItsColumn() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ExpressionCompiler.compile("capacity + text.trim()"));
        assertThat(e.offset()).isEqualTo(15);
        assertThat(e.getMessage()).isEqualTo("method call is not allowed in an expression: '.trim(...)'");
    }

    @Test
    void columnsCountFromTheLineTheErrorIsOn() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ExpressionCompiler.compile("occupancy >= capacity\n  && ]"));
        assertThat(e.offset()).isEqualTo("occupancy >= capacity\n  ".length());
        assertThat(e.getMessage()).isEqualTo("syntax error at '&&'");
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertThat(catchThrowableOfType(ConfigException.class, () -> ExpressionCompiler.compile("  ")).getMessage()).contains("empty");
    }

    @Test
    void anUndefinedFieldNamesTheFieldAndTheRecord() {
        Record located = EVENT.toBuilder().position("events.jsonl:12").build();
        BadRecordException e = catchThrowableOfType(BadRecordException.class, () -> eval("occupancy >= capacty", located));
        assertThat(e.getMessage()).isEqualTo("'occupancy >= capacty': record events.jsonl:12 " + EVENT.fields() + " has no field 'capacty'");
    }

    @Test
    void aNullOperandOrADivisionByZeroIsABadRecord() {
        Record withNull = Record.builder().field("occupancy", null).field("capacity", 80L).build();
        assertThat(catchThrowableOfType(BadRecordException.class, () -> eval("occupancy >= capacity", withNull)).getMessage())
                .contains("has a null 'occupancy'");
        assertThat(catchThrowableOfType(BadRecordException.class, () -> eval("capacity / (boarded - 3)", EVENT)).getMessage())
                .contains("'capacity / (boarded - 3)' failed on record");
    }

    @Test
    void longRecordsAreShortenedInMessages() {
        Record big = Record.builder().field("text", "x".repeat(1000)).build();
        assertThat(CompiledExpression.describe(big)).hasSize(203).endsWith("...");
    }
}

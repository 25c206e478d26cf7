package io.sluice.platform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.spi.config.ConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregationTest {
    @Test
    void parsesEveryFunction() {
        assertThat(Aggregation.parse("a", "sum(x)")).isEqualTo(new Aggregation("a", AggregateFunction.SUM, Optional.of("x")));
        assertThat(Aggregation.parse("a", "min(x)").function()).isEqualTo(AggregateFunction.MIN);
        assertThat(Aggregation.parse("a", "max(x)").function()).isEqualTo(AggregateFunction.MAX);
        assertThat(Aggregation.parse("a", "first(x)").function()).isEqualTo(AggregateFunction.FIRST);
        assertThat(Aggregation.parse("a", "last(x)").function()).isEqualTo(AggregateFunction.LAST);
        assertThat(Aggregation.parse("n", "count()")).isEqualTo(new Aggregation("n", AggregateFunction.COUNT, Optional.empty()));
    }

    @Test
    void allowsWhitespaceAroundTheParts() {
        assertThat(Aggregation.parse("a", "  sum ( delta_1 )  ").inputField()).contains("delta_1");
        assertThat(Aggregation.parse("n", "count( )").function()).isEqualTo(AggregateFunction.COUNT);
    }

    @ParameterizedTest(name = "{0} -> offset {1}")
    @CsvSource(delimiter = '|', value = {
            "avg(x)              | 0  | unknown aggregation function 'avg'; functions: sum, count, min, max, first, last",
            "summ(x)             | 0  | unknown aggregation function 'summ' (did you mean 'sum'?)",
            "''                  | 0  | expected an aggregation such as sum(amount); functions: sum, count, min, max, first, last",
            "sum x               | 4  | expected '(' after 'sum', as in sum(amount)",
            "sum(                | 4  | missing ')'",
            "sum(x               | 5  | missing ')'",
            "sum()               | 4  | sum() needs a field name, as in sum(amount)",
            "count(x)            | 6  | count() takes no field: it counts records",
            "sum(a - b)          | 4  | sum() takes a field name, not an expression; compute the value in a map step before this one",
            "sum(1x)             | 4  | expected a field name, as in sum(amount)",
            "sum(x) + 1          | 7  | unexpected '+ 1' after sum(...)"})
    void pointsAtWhatIsWrong(String spec, int offset, String message) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Aggregation.parse("out", spec));

        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void modelRejectsAFieldForCountAndNoFieldForOthers() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new Aggregation("n", AggregateFunction.COUNT, Optional.of("x")))).isNotNull();
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new Aggregation("n", AggregateFunction.SUM, Optional.empty()))).isNotNull();
    }
}

package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What `sluice validate` sees: types, shorthand keys, and bad expressions reported with their column. */
class OperatorFactoriesTest {

    @Test
    void filterTakesItsExpressionAsShorthand() {
        assertThat(new FilterOperatorFactory().type()).isEqualTo("filter");
        assertThat(FilterOperatorFactory.SPEC.shorthand()).contains(FilterOperatorFactory.EXPRESSION);
        assertThat(FilterOperatorFactory.EXPRESSION.type()).isEqualTo(ConfigType.EXPRESSION);
    }

    @Test
    void mapTakesAMappingAsShorthand() {
        assertThat(new MapOperatorFactory().type()).isEqualTo("map");
        assertThat(MapOperatorFactory.SPEC.shorthand()).contains(MapOperatorFactory.FIELDS);
        assertThat(MapOperatorFactory.FIELDS.type()).isEqualTo(ConfigType.STRING_MAP);
    }

    @Test
    void validatingAFilterReportsTheColumnInsideTheExpression() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Config.builder(FilterOperatorFactory.SPEC).setRaw("expression", "occupancy >= capacity &&"));
        assertThat(e.offset()).isEqualTo(22);
    }

    @Test
    void validatingAMapNamesTheFieldAndTheColumn() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Config.builder(MapOperatorFactory.SPEC)
                .setRaw("fields", Map.of("delta", "boarded - - ")));
        assertThat(e.getMessage()).isEqualTo("field 'delta': syntax error at '-' at column 11 of \"boarded - - \"");
        ConfigException empty = catchThrowableOfType(ConfigException.class,
                () -> Config.builder(MapOperatorFactory.SPEC).setRaw("fields", Map.of()));
        assertThat(empty.getMessage()).contains("at least one output field");
    }

    @Test
    void areIndexedAsPf4jExtensions() throws IOException {
        List<String> indexed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                indexed.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")));
            }
        }
        assertThat(indexed).contains(FilterOperatorFactory.class.getName(), MapOperatorFactory.class.getName());
    }
}

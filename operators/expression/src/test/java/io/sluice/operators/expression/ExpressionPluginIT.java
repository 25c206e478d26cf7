package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import io.sluice.spi.testkit.CollectingEmitter;
import io.sluice.spi.testkit.TestOperatorContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built zip loads with pf4j, and its operators (and sort transform) work with JEXL from the zip's lib/. */
class ExpressionPluginIT {

    @Test
    void theZipIsAPluginContributingFilterAndMap() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("expression");
            assertThat(plugin.types(OperatorFactory.class)).containsExactly("filter", "map");
            assertThat(plugin.types(BatchTransformFactory.class)).containsExactly("sort");

            OperatorFactory filter = plugin.extensions(OperatorFactory.class).stream().filter(f -> f.type().equals("filter")).findFirst().orElseThrow();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(plugin.classLoader());
            try {
                Operator full = filter.create(Config.builder(filter.configSpec()).setRaw("expression", "occupancy >= capacity").build());
                CollectingEmitter out = new CollectingEmitter();
                Record over = Record.builder().field("occupancy", 81L).field("capacity", 80L).build();
                full.process(over, TestOperatorContext.forBatch(1), out);
                full.process(Record.builder().field("occupancy", 1L).field("capacity", 80L).build(), TestOperatorContext.forBatch(1), out);
                assertThat(out.records()).containsExactly(over);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}

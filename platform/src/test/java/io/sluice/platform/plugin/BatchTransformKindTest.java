package io.sluice.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.plugin.internal.PluginComponents;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentFactory;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import io.sluice.spi.operator.OperatorFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Batch transforms are a component kind of their own, sharing step type names with operators. */
class BatchTransformKindTest {
    private static final BatchInfo BATCH = new BatchInfo(1, Instant.EPOCH, Duration.ofSeconds(1));

    private static BatchTransformFactory transform(String type, Supplier<BatchTransform> create) {
        return new BatchTransformFactory() {
            public String type() {
                return type;
            }

            public String description() {
                return "A transform.";
            }

            public ConfigSpec configSpec() {
                return ConfigSpec.of();
            }

            public BatchTransform create(Config config) {
                return create.get();
            }
        };
    }

    private static OperatorFactory operator(String type) {
        return new OperatorFactory() {
            public String type() {
                return type;
            }

            public String description() {
                return "An operator.";
            }

            public ConfigSpec configSpec() {
                return ConfigSpec.of();
            }

            public Operator create(Config config) {
                return (Record record, OperatorContext context, Emitter out) -> out.emit(record);
            }
        };
    }

    @Test
    void aTransformIsRegisteredAndFoundByItsType() {
        ComponentRegistry registry = ComponentRegistry.of(transform("sort", () -> (batch, records) -> records),
                operator("filter"));

        assertThat(ComponentKind.of(transform("x", () -> null))).isEqualTo(ComponentKind.TRANSFORM);
        assertThat(registry.transform("sort")).hasValueSatisfying(c -> assertThat(c.kind().label()).isEqualTo("transform"));
        assertThat(registry.types(ComponentKind.TRANSFORM)).containsExactly("sort");
        assertThat(registry.operator("sort")).isEmpty();
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void anOperatorAndATransformOfTheSameTypeAreAConflictLikeTwoOperators() {
        ComponentRegistry registry = ComponentRegistry.of(operator("sort"), transform("sort", () -> null));

        assertThat(registry.operator("sort")).isEmpty();
        assertThat(registry.transform("sort")).isEmpty();
        assertThat(registry.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("type 'sort' is claimed by both"));
    }

    @Test
    void aPluginsTransformRunsWithThePluginsContextClassLoader() throws Exception {
        List<ClassLoader> seen = new ArrayList<>();
        BatchTransformFactory plain = transform("sort", () -> {
            seen.add(Thread.currentThread().getContextClassLoader());
            return new BatchTransform() {
                public List<Record> transform(BatchInfo batch, List<Record> records) {
                    seen.add(Thread.currentThread().getContextClassLoader());
                    return records;
                }

                public void close() {
                    seen.add(Thread.currentThread().getContextClassLoader());
                }
            };
        });
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0])) {
            ComponentFactory wrapped = PluginComponents.wrap(plain, pluginLoader);
            BatchTransform transform = ((BatchTransformFactory) wrapped).create(Config.builder(ConfigSpec.of()).build());
            List<Record> batch = List.of(Record.builder().field("n", 1L).build());

            assertThat(transform.transform(BATCH, batch)).isSameAs(batch);
            transform.close();

            assertThat(seen).hasSize(3).allMatch(loader -> loader == pluginLoader);
            assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(pluginLoader);
            assertThatThrownBy(() -> transform.transformWith(BATCH, batch, batch))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("does not combine two streams");
        }
    }

    @Test
    void aPluginTransformReturningNullIsAContractError() throws Exception {
        try (URLClassLoader pluginLoader = new URLClassLoader(new URL[0])) {
            BatchTransformFactory wrapped = (BatchTransformFactory) PluginComponents.wrap(
                    transform("broken", () -> (batch, records) -> null), pluginLoader);
            BatchTransform transform = wrapped.create(Config.builder(ConfigSpec.of()).build());

            assertThatThrownBy(() -> transform.transform(BATCH, List.of())).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("transform(...) returned null");
        }
    }
}

package io.sluice.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.testkit.CollectingEmitter;
import io.sluice.spi.testkit.ReplayableSourceContract;
import io.sluice.spi.testkit.TestComponentContext;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The generator keeps the replayable-source contract, bounded or endless, in both outputs. */
class GeneratorSourceContractTest {

    abstract static class Base extends ReplayableSourceContract<EventRange> {
        abstract Config config();

        @Override
        @SuppressWarnings("unchecked")
        protected ReplayableSource<EventRange> source() {
            return (ReplayableSource<EventRange>) new GeneratorSourceFactory().create(config());
        }

        @Override
        protected ComponentContext context() {
            return TestComponentContext.builder().config(config()).build();
        }
    }

    @Nested
    class BoundedJson extends Base {
        @Override
        Config config() {
            return Generated.config(Map.of("events-per-batch", 3000, "limit", 10_000, "splits", 3));
        }

        @Override
        protected boolean bounded() {
            return true;
        }

        @Test
        void readsEveryEventOnceInOrder() {
            CollectingEmitter out = new CollectingEmitter();
            ReplayableSource<EventRange> source = source();
            try (var reader = source.createReader(context())) {
                planAll(source).forEach(split -> reader.read(split, out));
            }
            assertThat(out.records()).hasSize(10_000);
            assertThat(out.records().get(2042).payloadAsString()).contains("\"bus\":\"bus-0042\"", "\"stop\":1,");
            assertThat(out.records().get(9_999).timestamp()).isEqualTo(1_732_390_009_999L);
        }
    }

    @Nested
    class EndlessFields extends Base {
        @Override
        Config config() {
            return Generated.config(Map.of("events-per-batch", 500, "output", "fields", "buses", 7, "start", 123));
        }

        @Override
        protected boolean bounded() {
            return false;
        }
    }
}

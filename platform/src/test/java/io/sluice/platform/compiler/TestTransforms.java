package io.sluice.platform.compiler;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.BatchTransformFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Batch transforms for tests: {@code top-n} (Spark's transform: the n records with the largest
 * value of a field) and {@code subtract-by-key} (transformWith: this batch's records whose key the
 * other stream's batch lacks). Both record their lifecycle calls.
 */
final class TestTransforms {
    static final ConfigKey<String> BY = ConfigKey.string("by").description("The field.").required().build();
    static final ConfigKey<Integer> N = ConfigKey.integer("n").description("How many.").required().build();

    /** "open NAME", "close" in call order. */
    final List<String> lifecycle = new CopyOnWriteArrayList<>();

    BatchTransformFactory topN() {
        return new BatchTransformFactory() {
            @Override
            public String type() {
                return "top-n";
            }

            @Override
            public String description() {
                return "The n records with the largest value of a field, per batch.";
            }

            @Override
            public ConfigSpec configSpec() {
                return ConfigSpec.of(BY, N);
            }

            @Override
            public BatchTransform create(Config config) {
                String by = config.get(BY);
                int n = config.get(N);
                return new Recorded() {
                    @Override
                    public List<Record> transform(BatchInfo batch, List<Record> records) {
                        return records.stream().sorted(Comparator.comparingLong((Record r) -> r.getLong(by)).reversed())
                                .limit(n).toList();
                    }
                };
            }
        };
    }

    BatchTransformFactory subtractByKey() {
        return new BatchTransformFactory() {
            @Override
            public String type() {
                return "subtract-by-key";
            }

            @Override
            public String description() {
                return "This stream's records whose key the other stream's batch lacks.";
            }

            @Override
            public ConfigSpec configSpec() {
                return ConfigSpec.of(WITH);
            }

            @Override
            public BatchTransform create(Config config) {
                return new Recorded() {
                    @Override
                    public List<Record> transform(BatchInfo batch, List<Record> records) {
                        return records;
                    }

                    @Override
                    public List<Record> transformWith(BatchInfo batch, List<Record> records, List<Record> other) {
                        Set<Object> keys = new HashSet<>();
                        other.forEach(r -> keys.add(r.key()));
                        List<Record> out = new ArrayList<>();
                        records.stream().filter(r -> !keys.contains(r.key())).forEach(out::add);
                        return out;
                    }
                };
            }
        };
    }

    private abstract class Recorded implements BatchTransform {
        @Override
        public void open(ComponentContext context) {
            lifecycle.add("open " + context.componentName());
        }

        @Override
        public void close() {
            lifecycle.add("close");
        }
    }
}

package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortTransformTest {
    private static final BatchInfo BATCH = new BatchInfo(1, Instant.ofEpochSecond(1), Duration.ofSeconds(1));
    private final TestComponentContext context = TestComponentContext.builder().build();

    private BatchTransform sort(Map<String, Object> settings) {
        Config.Builder config = Config.builder(SortTransformFactory.SPEC);
        settings.forEach(config::setRaw);
        BatchTransform transform = new SortTransformFactory().create(config.build());
        transform.open(context);
        return transform;
    }

    private static Record bus(String bus, long occupancy, long capacity) {
        return Record.builder().key(bus).field("bus", bus).field("occupancy", occupancy).field("capacity", capacity)
                .build();
    }

    @Test
    void ordersTheBatchByTheExpressionStablyAndKeepsTheFirstLimit() {
        Random random = new Random(3);
        List<Record> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(bus("bus-" + i, random.nextInt(20), 10));
        }
        List<Record> input = List.copyOf(batch);

        List<Record> top = sort(Map.of("by", "occupancy - capacity", "descending", true, "limit", 5)).transform(BATCH, batch);

        List<Record> expected = batch.stream()
                .sorted(Comparator.comparingLong((Record r) -> r.getLong("occupancy") - r.getLong("capacity")).reversed())
                .limit(5).toList();
        assertThat(top).containsExactlyElementsOf(expected);
        assertThat(batch).as("the input is not modified").isEqualTo(input);
        List<Record> all = sort(Map.of("by", "occupancy")).transform(BATCH, batch);
        assertThat(all).containsExactlyElementsOf(batch.stream().sorted(Comparator.comparingLong(r -> r.getLong("occupancy")))
                .toList());
    }

    @Test
    void ordersNumbersByValueAcrossTypesAndStringsAlphabetically() {
        List<Record> batch = List.of(Record.builder().field("v", 2.5).build(), Record.builder().field("v", 2L).build(),
                Record.builder().field("v", "b").build(), Record.builder().field("v", 10L).build(),
                Record.builder().field("v", "a").build());

        assertThat(sort(Map.of("by", "v")).transform(BATCH, batch)).map(r -> r.get("v"))
                .containsExactly(2L, 2.5, 10L, "a", "b");
    }

    @Test
    void reportsRecordsTheExpressionFailsOnAndLeavesThemOut() {
        List<Record> batch = List.of(bus("a", 3, 10), Record.builder().field("bus", "b").build(), bus("c", 1, 10));

        assertThat(sort(Map.of("by", "occupancy")).transform(BATCH, batch)).map(r -> r.get("bus")).containsExactly("c", "a");
        assertThat(context.collectedErrors().records()).singleElement()
                .satisfies(e -> assertThat(e.record().get("bus")).isEqualTo("b"));
    }

    @Test
    void anEmptyBatchGivesAnEmptyBatch() {
        assertThat(sort(Map.of("by", "occupancy", "limit", 3)).transform(BATCH, List.of())).isEmpty();
    }
}

package io.sluice.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.SluiceException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorPlannerTest {

    private static GeneratorPlanner planner(Map<String, ?> config) {
        return new GeneratorPlanner(GeneratorConfig.from(Generated.config(config)));
    }

    private static BatchInfo batch(long id, Duration interval) {
        return new BatchInfo(id, Instant.EPOCH.plus(interval.multipliedBy(id)), interval);
    }

    @Test
    void eachBatchIsContiguousRangesCutIntoSplits() {
        GeneratorPlanner p = planner(Map.of("events-per-batch", 10, "splits", 3, "start", 100));
        assertThat(p.plan(Generated.batch(1), Long.MAX_VALUE))
                .containsExactly(new EventRange(100, 104), new EventRange(104, 107), new EventRange(107, 110));
        assertThat(p.plan(Generated.batch(2), Long.MAX_VALUE)).first().isEqualTo(new EventRange(110, 114));
        assertThat(p.next()).isEqualTo(120);
    }

    @Test
    void fewerEventsThanSplitsGiveOneEventPerSplit() {
        assertThat(GeneratorPlanner.cut(5, 2, 4)).containsExactly(new EventRange(5, 6), new EventRange(6, 7));
    }

    @Test
    void aLimitEndsTheStreamAndExhaustsTheSource() {
        GeneratorPlanner p = planner(Map.of("events-per-batch", 10, "splits", 1, "limit", 25, "start", 5));
        assertThat(p.plan(Generated.batch(1), Long.MAX_VALUE)).containsExactly(new EventRange(5, 15));
        assertThat(p.plan(Generated.batch(2), Long.MAX_VALUE)).containsExactly(new EventRange(15, 25));
        assertThat(p.exhausted()).isFalse();
        assertThat(p.plan(Generated.batch(3), Long.MAX_VALUE)).containsExactly(new EventRange(25, 30));
        assertThat(p.exhausted()).isTrue();
        assertThat(p.plan(Generated.batch(4), Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void withoutALimitTheSourceIsNeverExhausted() {
        GeneratorPlanner p = planner(Map.of("start", Long.MAX_VALUE - 5, "events-per-batch", 10));
        assertThat(p.plan(Generated.batch(1), Long.MAX_VALUE)).hasSize(2);
        assertThat(p.exhausted()).isFalse();
    }

    @Test
    void rateControlCapsABatch() {
        GeneratorPlanner p = planner(Map.of("events-per-batch", 10, "splits", 1));
        assertThat(p.plan(Generated.batch(1), 4)).containsExactly(new EventRange(0, 4));
        assertThat(p.plan(Generated.batch(2), 0)).isEmpty();
        assertThat(p.plan(Generated.batch(3), Long.MAX_VALUE)).containsExactly(new EventRange(4, 14));
    }

    @Test
    void aRateIsConvertedByTheBatchInterval() {
        GeneratorPlanner p = planner(Map.of("rate", 1000, "splits", 1));
        assertThat(p.plan(batch(1, Duration.ofMillis(250)), Long.MAX_VALUE)).containsExactly(new EventRange(0, 250));
    }

    @Test
    void fractionsOfARateCarryOverFromBatchToBatch() {
        GeneratorPlanner p = planner(Map.of("rate", 3, "splits", 1));
        long total = 0;
        for (long id = 1; id <= 10; id++) {
            List<EventRange> splits = p.plan(batch(id, Duration.ofMillis(100)), Long.MAX_VALUE);
            total += splits.stream().mapToLong(EventRange::size).sum();
        }
        assertThat(total).as("3 events/s over 1 s of 100 ms batches").isEqualTo(3);
    }

    @Test
    void thePositionIsTheNextEventNumberVersioned() {
        GeneratorPlanner p = planner(Map.of("events-per-batch", 7));
        p.plan(Generated.batch(1), Long.MAX_VALUE);
        ByteBuffer position = ByteBuffer.wrap(p.position());
        assertThat(position.getInt()).isEqualTo(GeneratorPlanner.POSITION_VERSION);
        assertThat(position.getLong()).isEqualTo(7);
    }

    @Test
    void aPositionOfAnotherVersionIsRefusedByName() {
        GeneratorPlanner p = planner(Map.of());
        byte[] v2 = ByteBuffer.allocate(12).putInt(2).putLong(7).array();
        assertThatThrownBy(() -> p.restore(v2)).isInstanceOf(SluiceException.class).hasMessageContaining("version 2 is unknown");
        assertThatThrownBy(() -> p.restore(new byte[] {0, 0, 0, 1, 9})).isInstanceOf(SluiceException.class).hasMessageContaining("corrupt");
    }
}

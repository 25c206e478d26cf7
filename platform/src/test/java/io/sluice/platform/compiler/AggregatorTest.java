package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.pipeline.Aggregation;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregatorTest {
    private final Aggregator aggregator = new Aggregator("bus", List.of(
            Aggregation.parse("total", "sum(delta)"),
            Aggregation.parse("n", "count()"),
            Aggregation.parse("low", "min(delta)"),
            Aggregation.parse("high", "max(delta)"),
            Aggregation.parse("opening", "first(stop)"),
            Aggregation.parse("closing", "last(stop)")));

    private static Record event(String bus, long delta, long stop) {
        return Record.builder().key(bus).field("bus", bus).field("delta", delta).field("stop", stop).build();
    }

    @Test
    void liftsOneRecordIntoAPartialWithTheKeyField() {
        Record partial = aggregator.lift(event("bus-7", -2, 3));
        assertThat(partial.key()).isEqualTo("bus-7");
        assertThat(partial.fields()).containsExactly(
                java.util.Map.entry("bus", "bus-7"), java.util.Map.entry("total", -2L), java.util.Map.entry("n", 1L),
                java.util.Map.entry("low", -2L), java.util.Map.entry("high", -2L),
                java.util.Map.entry("opening", 3L), java.util.Map.entry("closing", 3L));
    }

    @Test
    void withoutAKeyFieldTheOutputHasOnlyTheAggregatedFields() {
        Aggregator unkeyed = new Aggregator(null, List.of(Aggregation.parse("total", "sum(delta)"),
                Aggregation.parse("n", "count()")));
        Record first = event("bus-7", -2, 3);
        Record second = event("bus-8", 5, 4);

        Record combined = unkeyed.combine(unkeyed.lift(first), unkeyed.lift(second));
        Record accumulated = unkeyed.toRecord(null, unkeyed.add(unkeyed.create(first), second));

        assertThat(combined.fields()).containsExactly(java.util.Map.entry("total", 3L), java.util.Map.entry("n", 2L));
        assertThat(accumulated.fields()).isEqualTo(combined.fields());
        assertThat(accumulated.key()).isNull();
    }

    @Test
    void combiningInAnyGroupingEqualsAPlainFoldInInputOrder() {
        Random random = new Random(7);
        List<Record> events = new ArrayList<>();
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 200; i++) {
            long delta = random.nextInt(11) - 5;
            events.add(event("bus-1", delta, i));
            sum += delta;
            min = Math.min(min, delta);
            max = Math.max(max, delta);
        }
        // left fold
        Record left = aggregator.lift(events.get(0));
        for (int i = 1; i < events.size(); i++) {
            left = aggregator.combine(left, aggregator.lift(events.get(i)));
        }
        // split into uneven chunks, fold each, then combine chunk results in order (map-side combine + shuffle)
        Record chunked = null;
        int i = 0;
        while (i < events.size()) {
            int end = Math.min(events.size(), i + 1 + random.nextInt(30));
            Record chunk = aggregator.lift(events.get(i));
            for (int j = i + 1; j < end; j++) {
                chunk = aggregator.combine(chunk, aggregator.lift(events.get(j)));
            }
            chunked = chunked == null ? chunk : aggregator.combine(chunked, chunk);
            i = end;
        }
        assertThat(chunked).isEqualTo(left);
        assertThat(left.get("total")).isEqualTo(sum);
        assertThat(left.get("n")).isEqualTo(200L);
        assertThat(left.get("low")).isEqualTo(min);
        assertThat(left.get("high")).isEqualTo(max);
        assertThat(left.get("opening")).isEqualTo(0L);
        assertThat(left.get("closing")).isEqualTo(199L);
    }

    @Test
    void updateCarriesStateAcrossBatchesAndKeepsStateOnEmptyBatches() {
        Optional<Record> state = aggregator.update(List.of(event("b", 2, 1), event("b", 3, 2)), Optional.empty());
        state = aggregator.update(List.of(), state);
        state = aggregator.update(List.of(event("b", -10, 3)), state);
        assertThat(state).get().satisfies(s -> {
            assertThat(s.get("total")).isEqualTo(-5L);
            assertThat(s.get("n")).isEqualTo(3L);
            assertThat(s.get("closing")).isEqualTo(3L);
            assertThat(s.get("opening")).isEqualTo(1L);
        });
        assertThat(aggregator.update(List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void mixesWholeAndDecimalNumbersAsDecimal() {
        Aggregator sum = new Aggregator("key", List.of(Aggregation.parse("s", "sum(v)")));
        Record a = sum.lift(Record.builder().key("k").field("v", 1L).build());
        Record b = sum.lift(Record.builder().key("k").field("v", 0.5).build());
        assertThat(sum.combine(a, b).get("s")).isEqualTo(1.5);
    }

    @Test
    void aMissingOrNonNumericFieldIsABadRecordNamingIt() {
        assertThatThrownBy(() -> aggregator.lift(Record.builder().key("k").field("stop", 1L).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("no field 'delta'");
        assertThatThrownBy(() -> aggregator.lift(Record.builder().key("k").field("delta", "three").field("stop", 1L).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("sum(delta) needs a number").hasMessageContaining("three");
    }
}

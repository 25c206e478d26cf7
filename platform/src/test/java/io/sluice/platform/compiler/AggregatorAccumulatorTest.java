package io.sluice.platform.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.pipeline.Aggregation;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutable accumulators give exactly the records that lifting and combining records gives. */
class AggregatorAccumulatorTest {
    private final Aggregator aggregator = new Aggregator("bus", List.of(
            Aggregation.parse("total", "sum(delta)"),
            Aggregation.parse("n", "count()"),
            Aggregation.parse("low", "min(delta)"),
            Aggregation.parse("high", "max(delta)"),
            Aggregation.parse("opening", "first(stop)"),
            Aggregation.parse("closing", "last(stop)"),
            Aggregation.parse("bus", "last(bus)")));

    @Test
    void anySplitIntoPartitionsEqualsTheRecordFold() {
        Random random = new Random(5);
        for (int run = 0; run < 300; run++) {
            List<Record> events = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                events.add(event(random, i));
            }
            Record expected = aggregator.lift(events.get(0));
            for (int i = 1; i < events.size(); i++) {
                expected = aggregator.combine(expected, aggregator.lift(events.get(i)));
            }
            Aggregator.Accumulator merged = null;
            int i = 0;
            while (i < events.size()) {
                int end = Math.min(events.size(), i + 1 + random.nextInt(8));
                Aggregator.Accumulator partition = aggregator.create(events.get(i));
                for (int j = i + 1; j < end; j++) {
                    partition = aggregator.add(partition, events.get(j));
                }
                merged = merged == null ? partition : aggregator.merge(merged, partition);
                i = end;
            }
            Record actual = aggregator.toRecord(merged);
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.toString()).isEqualTo(expected.toString());
            assertThat(typeNames(actual)).isEqualTo(typeNames(expected));
        }
    }

    @Test
    void reportsWhatLiftReports() {
        Record noDelta = Record.builder().key("bus-1").field("bus", "bus-1").field("stop", 1L).build();
        Aggregator.Accumulator acc = aggregator.create(event(new Random(1), 0));

        assertThatThrownBy(() -> aggregator.create(noDelta)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("has no field 'delta'");
        assertThatThrownBy(() -> aggregator.add(acc, noDelta)).isInstanceOf(BadRecordException.class);
        Aggregator sum = new Aggregator("k", List.of(Aggregation.parse("s", "sum(v)")));
        Aggregator.Accumulator big = sum.create(Record.builder().key("k").field("v", Long.MAX_VALUE).build());
        assertThatThrownBy(() -> sum.add(big, Record.builder().key("k").field("v", 1L).build()))
                .isInstanceOf(ArithmeticException.class);
    }

    private static List<String> typeNames(Record record) {
        return record.fields().values().stream().map(v -> v == null ? "null" : v.getClass().getSimpleName()).toList();
    }

    private static Record event(Random random, int i) {
        Object delta = switch (random.nextInt(6)) {
            case 0 -> (double) random.nextInt(7) - 3 + 0.5;
            case 1 -> random.nextInt(7) - 3;            // Integer
            default -> (long) (random.nextInt(7) - 3);
        };
        Object stop = random.nextInt(4) == 0 ? "stop-" + i : (Object) (long) i;
        return Record.builder().key("bus-1").timestamp(random.nextInt(1000)).field("bus", "bus-1")
                .field("delta", delta).field("stop", stop).build();
    }
}

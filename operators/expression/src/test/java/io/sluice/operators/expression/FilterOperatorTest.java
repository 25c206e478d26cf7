package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.testkit.CollectingEmitter;
import io.sluice.spi.testkit.TestOperatorContext;
import org.junit.jupiter.api.Test;

class FilterOperatorTest {
    private final TestOperatorContext context = TestOperatorContext.forBatch(1);
    private final CollectingEmitter out = new CollectingEmitter();

    private static Operator filter(String expression) {
        return new FilterOperatorFactory().create(Config.builder(FilterOperatorFactory.SPEC).setRaw("expression", expression).build());
    }

    private static Record bus(String id, long occupancy, long capacity) {
        return Record.builder().key(id).field("occupancy", occupancy).field("capacity", capacity).build();
    }

    @Test
    void keepsTheRecordsForWhichTheConditionIsTrue() {
        Operator full = filter("occupancy >= capacity");
        Record over = bus("bus-0001", 81, 80);
        Record at = bus("bus-0002", 60, 60);
        full.process(over, context, out);
        full.process(bus("bus-0003", 10, 120), context, out);
        full.process(at, context, out);
        assertThat(out.records()).containsExactly(over, at);
    }

    @Test
    void aConditionThatIsNotABooleanIsABadRecordNamingTheRecord() {
        Record r = bus("bus-0001", 81, 80).toBuilder().position("in.jsonl:7").build();
        assertThatThrownBy(() -> filter("occupancy - capacity").process(r, context, out))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("filter 'occupancy - capacity' gave 1 (Long), not true or false, for record in.jsonl:7 " + r);
        assertThatThrownBy(() -> filter("missing == 1 ? null : null").process(r, context, out)).isInstanceOf(BadRecordException.class);
        assertThat(out.records()).isEmpty();
    }

    @Test
    void aRecordWithoutTheFieldIsABadRecordNamingTheField() {
        assertThatThrownBy(() -> filter("occupancy >= capacity").process(Record.builder().field("occupancy", 1L).build(), context, out))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("has no field 'capacity'");
    }

    @Test
    void theKeyIsAVariable() {
        Operator one = filter("key == 'bus-0042'");
        one.process(bus("bus-0042", 1, 1), context, out);
        one.process(bus("bus-0043", 1, 1), context, out);
        assertThat(out.records()).extracting(Record::key).containsExactly("bus-0042");
    }
}

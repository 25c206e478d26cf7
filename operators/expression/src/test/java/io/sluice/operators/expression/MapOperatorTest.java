package io.sluice.operators.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.testkit.CollectingEmitter;
import io.sluice.spi.testkit.TestOperatorContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapOperatorTest {
    private final TestOperatorContext context = TestOperatorContext.forBatch(1);
    private final CollectingEmitter out = new CollectingEmitter();

    private static Operator map(Map<String, String> fields) {
        return new MapOperatorFactory().create(Config.builder(MapOperatorFactory.SPEC).setRaw("fields", fields).build());
    }

    private static Map<String, String> ordered(String... nameThenExpression) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenExpression.length; i += 2) {
            m.put(nameThenExpression[i], nameThenExpression[i + 1]);
        }
        return m;
    }

    private static final Record EVENT = Record.builder()
            .key("bus-0042").timestamp(1732390002042L).header("source", "sensors").position("in.jsonl:3")
            .field("bus", "bus-0042").field("boarded", 2L).field("alighted", 0L).field("capacity", 60L)
            .payload(new byte[] {1})
            .build();

    @Test
    void theOutputIsExactlyTheListedFieldsInOrderWithKeyTimestampAndHeadersKept() {
        map(ordered("delta", "boarded - alighted", "bus", "key", "full", "boarded >= capacity")).process(EVENT, context, out);
        Record mapped = out.records().get(0);
        assertThat(mapped.fields()).containsExactly(Map.entry("delta", 2L), Map.entry("bus", "bus-0042"), Map.entry("full", false));
        assertThat(mapped.key()).isEqualTo("bus-0042");
        assertThat(mapped.timestamp()).isEqualTo(1732390002042L);
        assertThat(mapped.headers()).containsExactly(Map.entry("source", "sensors"));
        assertThat(mapped.position()).isEqualTo("in.jsonl:3");
        assertThat(mapped.hasPayload()).isFalse();
    }

    @Test
    void onAKeyedStreamMapIsMapValuesEveryRecordKeepsItsKey() {
        Operator map = map(ordered("delta", "boarded - alighted"));
        List<Object> keys = List.of("bus-1", 7L, "bus-1", "unrelated-to-any-field");
        for (int i = 0; i < keys.size(); i++) {
            map.process(EVENT.toBuilder().key(keys.get(i)).field("boarded", (long) i).build(), context, out);
        }

        assertThat(out.records()).map(Record::key).containsExactlyElementsOf(keys);
        assertThat(out.records()).map(r -> r.get("delta")).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void valuesBecomeRecordTypes() {
        map(ordered("size", "size(bus)", "list", "[1, 2]", "ratio", "capacity * 0.5", "text", "'x' + boarded", "map", "{'a': 1}"))
                .process(EVENT, context, out);
        assertThat(out.records().get(0).fields()).containsExactly(
                Map.entry("size", 8L), Map.entry("list", List.of(1L, 2L)), Map.entry("ratio", 30.0),
                Map.entry("text", "x2"), Map.entry("map", Map.of("a", 1L)));
    }

    @Test
    void aFailingExpressionNamesTheOutputFieldAndTheRecord() {
        assertThatThrownBy(() -> map(ordered("ok", "1", "occupancy", "occupancy + boarded")).process(EVENT, context, out))
                .isInstanceOf(BadRecordException.class)
                .hasMessageStartingWith("map field 'occupancy': 'occupancy + boarded': record in.jsonl:3 ")
                .hasMessageEndingWith("has no field 'occupancy'");
    }

    @Test
    void aValueWithoutARecordTypeIsABadRecord() {
        assertThat(FieldValues.toFieldValue("x", 'c')).isEqualTo("c");
        assertThatThrownBy(() -> FieldValues.toFieldValue("range", new Object())).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("field 'range'");
        assertThatThrownBy(() -> FieldValues.toFieldValue("big", java.math.BigInteger.TEN.pow(30))).isInstanceOf(BadRecordException.class);
    }
}

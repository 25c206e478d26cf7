package io.sluice.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema-laid-out record behaves exactly like a record over an ordered map. */
class RecordTest {

    private static Map<String, Object> event() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bus", "bus-0042");
        m.put("boarded", 3L);
        m.put("note", null);
        m.put("capacity", 60L);
        return m;
    }

    @Test
    void fieldsAreAnOrderedReadOnlyMapEqualToTheInput() {
        Map<String, Object> expected = event();
        Record r = Record.of(expected);

        assertThat(r.fields()).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(r.fields().toString()).isEqualTo(expected.toString());
        assertThat(new ArrayList<>(r.fields().keySet())).containsExactly("bus", "boarded", "note", "capacity");
        assertThat(new ArrayList<>(r.fields().values())).containsExactly("bus-0042", 3L, null, 60L);
        assertThat(r.fields().containsKey("note")).isTrue();
        assertThat(r.fields().containsKey("missing")).isFalse();
        assertThat(r.toString()).isEqualTo(expected.toString());
        assertThatThrownBy(() -> r.fields().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.fields().entrySet().iterator().next().setValue(1L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.fields().keySet().iterator().remove()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void getByNameAndByPositionAgree() {
        Record r = Record.of(event());
        RecordSchema schema = r.schema();

        for (String name : List.of("bus", "boarded", "note", "capacity")) {
            assertThat(r.get(schema.indexOf(name))).isEqualTo(r.get(name)).isEqualTo(event().get(name));
        }
        assertThat(schema.indexOf("missing")).isEqualTo(-1);
        assertThat(r.get("missing")).isNull();
        assertThat(r.getLong("boarded")).isEqualTo(3L);
        assertThatThrownBy(() -> r.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> r.getLong("bus")).isInstanceOf(BadRecordException.class);
    }

    @Test
    void equalityIgnoresFieldOrderAndSchemaIdentityLikeMaps() {
        Record ab = Record.builder().field("a", 1L).field("b", "x").build();
        Record ba = Record.builder().field("b", "x").field("a", 1L).build();
        Record other = Record.builder().field("a", 2L).field("b", "x").build();

        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab).isNotEqualTo(other);
        assertThat(ab.schema()).isNotSameAs(ba.schema());
        assertThat(Record.builder().field("a", 1L).build()).isNotEqualTo(ab);
        Map<String, Object> asMap = new LinkedHashMap<>(Map.of("a", 1L, "b", "x"));
        assertThat(ab.hashCode()).isEqualTo(Record.of(asMap).hashCode());
    }

    @Test
    void recordsBuiltTheSameWayShareOneSchema() {
        Record first = Record.builder().field("bus", "a").field("delta", 1L).build();
        Record second = Record.builder().field("bus", "b").field("delta", 2L).build();

        assertThat(second.schema()).isSameAs(first.schema()).isSameAs(RecordSchema.of("bus", "delta"));
    }

    @Test
    void aReplacedFieldKeepsItsPositionAndARemovedOneGoes() {
        Record r = Record.builder().field("a", 1L).field("b", 2L).field("a", 3L).removeField("missing").build();
        Record removed = r.toBuilder().removeField("a").build();

        assertThat(r.fields()).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
        assertThat(removed.fields()).containsExactly(Map.entry("b", 2L));
        assertThat(removed.schema()).isSameAs(RecordSchema.of("b"));
    }

    @Test
    void toBuilderNeverChangesTheOriginal() {
        Record original = Record.builder().key("k").field("a", 1L).field("b", 2L).timestamp(5).build();
        Record.Builder builder = original.toBuilder();
        Record changed = builder.field("a", 9L).field("c", 3L).build();
        builder.field("b", 7L);

        assertThat(original.fields()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        assertThat(changed.fields()).containsExactly(Map.entry("a", 9L), Map.entry("b", 2L), Map.entry("c", 3L));
        assertThat(changed.key()).isEqualTo("k");
        assertThat(changed.timestamp()).isEqualTo(5);
        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    @Test
    void fieldsFromASchemaAndValues() {
        RecordSchema schema = RecordSchema.of("bus", "occupancy");
        Record r = Record.builder().fields(schema, new Object[] {"bus-0001", 12L}).build();

        assertThat(r).isEqualTo(Record.builder().field("bus", "bus-0001").field("occupancy", 12L).build());
        assertThat(r.toBuilder().field("occupancy", 13L).build().getLong("occupancy")).isEqualTo(13L);
        assertThat(r.getLong("occupancy")).isEqualTo(12L);
        assertThatThrownBy(() -> Record.builder().fields(schema, new Object[] {"x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordSchema.of("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schema.with("bus")).isInstanceOf(IllegalArgumentException.class);
        assertThat(schema.withNew("bus")).isNull();
        assertThat(schema.withNew("capacity")).isSameAs(schema.with("capacity")).isSameAs(RecordSchema.of("bus", "occupancy", "capacity"));
    }

    @Test
    void aPayloadRecordHasNoFields() {
        Record r = Record.ofPayload("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(r.fields()).isEmpty();
        assertThat(r.schema().size()).isZero();
        assertThat(r.toString()).isEqualTo("hello");
        assertThat(r).isEqualTo(r.toBuilder().build());
    }

    @Test
    void manyFieldsGrowTheLayout() {
        Record.Builder b = Record.builder();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            b.field("f" + i, (long) i);
            expected.put("f" + i, (long) i);
        }
        Record r = b.build();

        assertThat(r.fields()).isEqualTo(expected);
        assertThat(new ArrayList<>(r.fields().keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        for (int i = 0; i < 40; i++) {
            assertThat(r.getLong("f" + i)).isEqualTo(i);
        }
    }

    @Test
    void byteArrayFieldsCompareByContent() {
        Record a = Record.builder().field("raw", new byte[] {1, 2, 3}).field("n", 1L).build();
        Record b = Record.builder().field("n", 1L).field("raw", new byte[] {1, 2, 3}).build();
        Record c = Record.builder().field("raw", new byte[] {1, 2, 4}).field("n", 1L).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }
}

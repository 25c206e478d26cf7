package io.sluice.platform.durability.codec;

import static io.sluice.platform.durability.codec.DeepValues.canonical;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.KeyValue;
import io.sluice.spi.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValueCodecTest {
    private final ValueCodec codec = ValueCodec.standard();

    enum Level { LOW, HIGH { @Override public String toString() { return "high!"; } } }

    static Stream<Object> builtIns() {
        return Stream.of(null, true, false, (byte) -7, (short) -300, Short.MAX_VALUE, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE,
                0L, 63L, -64L, Long.MIN_VALUE, Long.MAX_VALUE, 1.5f, Float.NaN, -0.0f, 2.25d, -0.0d, Double.NaN,
                Double.NEGATIVE_INFINITY, 'x', '\u20ac', "", "bus-0042", "\u00e9\u20ac\ud834\udd1e mixed", "a".repeat(63), "b".repeat(64),
                "c".repeat(100_000), "lone \ud800 surrogate", "\udc00", new byte[0], new byte[] {1, -2, 3},
                BigInteger.ZERO, new BigInteger("-123456789012345678901234567890"), new BigDecimal("-12.3450"),
                new BigDecimal("1E+400"), Instant.EPOCH, Instant.parse("2026-11-30T12:00:00.123456789Z"), Instant.MIN, Instant.MAX,
                Duration.ZERO, Duration.ofMillis(-1500), LocalDate.of(2026, 11, 30), LocalDate.MIN, LocalDate.MAX,
                UUID.randomUUID(), Level.LOW, Level.HIGH, Optional.empty(), Optional.of("x"),
                new long[] {1, -1, Long.MIN_VALUE}, new int[] {0, Integer.MAX_VALUE}, new double[] {0.5, Double.NaN},
                new Object[] {1L, "two", null}, List.of(), List.of(1L, "a"), new LinkedHashSet<>(List.of("z", "a", "m")),
                new LinkedHashMap<>(Map.of("k", 1L)), KeyValue.of("bus-7", 12L),
                Record.builder().field("bus", "bus-7").field("n", 3L).build());
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInTypeRoundTrips(Object value) {
        Object decoded = codec.fromBytes(codec.toBytes(value));

        assertThat(canonical(decoded)).isEqualTo(canonical(value));
        if (value != null && !value.getClass().isArray()) {
            assertThat(decoded).isEqualTo(value);
        }
    }

    @Test
    void collectionsComeBackMutableInTheirWrittenOrder() {
        Map<String, Object> sorted = new TreeMap<>(Map.of("b", 2L, "a", 1L, "c", 3L));
        Set<Integer> sortedSet = new TreeSet<>(Set.of(5, 1, 3));

        Object list = codec.fromBytes(codec.toBytes(List.of(3L, 1L, 2L)));
        Object linked = codec.fromBytes(codec.toBytes(new LinkedList<>(List.of("x"))));
        Object map = codec.fromBytes(codec.toBytes(sorted));
        Object set = codec.fromBytes(codec.toBytes(sortedSet));

        assertThat(list).isInstanceOf(ArrayList.class).isEqualTo(List.of(3L, 1L, 2L));
        assertThat(linked).isInstanceOf(ArrayList.class).isEqualTo(List.of("x"));
        assertThat(map).isInstanceOf(LinkedHashMap.class).isEqualTo(sorted);
        assertThat(new ArrayList<Object>(((Map<?, ?>) map).keySet())).containsExactly("a", "b", "c");
        assertThat(set).isInstanceOf(LinkedHashSet.class);
        assertThat(new ArrayList<Object>((Set<?>) set)).containsExactly(1, 3, 5);
        @SuppressWarnings("unchecked")
        List<Object> mutable = (List<Object>) list;
        mutable.add(4L);
        assertThat(mutable).hasSize(4);
    }

    @Test
    void nestedValuesRoundTrip() {
        Map<Object, Object> state = new LinkedHashMap<>();
        state.put("window", List.of(Map.of("bus", "bus-1", "seen", new long[] {1, 2}), Optional.of(KeyValue.of(7, List.of()))));
        state.put(42L, Set.of(UUID.nameUUIDFromBytes(new byte[] {1})));
        state.put(List.of("composite", 1), new Object[] {Record.builder().key("k").payload(new byte[] {9}).build(), null});
        state.put(null, Optional.of(Optional.of(Level.HIGH)));

        Object decoded = codec.fromBytes(codec.toBytes(state));

        assertThat(canonical(decoded)).isEqualTo(canonical(state));
    }

    @Test
    void recordsAreEqualAfterTheRoundTripWithEveryPart() {
        Record full = Record.builder()
                .key(List.of("bus-7", 3L))
                .field("bus", "bus-7").field("boarded", 3L).field("ratio", 0.5).field("tags", List.of("a", "b"))
                .field("nothing", null).field("nested", Map.of("x", 1L))
                .payload("{\"bus\":\"bus-7\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .timestamp(-1_732_390_000_123L)
                .header("source", "mqtt").header("null-valued", null)
                .position("events.jsonl:12")
                .build();
        Record bare = Record.builder().build();
        Record payloadOnly = Record.ofPayload(new byte[] {0, 1, 2});

        for (Record record : List.of(full, bare, payloadOnly)) {
            Record decoded = (Record) codec.fromBytes(codec.toBytes(record));

            assertThat(decoded).isEqualTo(record);
            assertThat(decoded.key()).isEqualTo(record.key());
            assertThat(decoded.payload()).isEqualTo(record.payload());
            assertThat(decoded.timestamp()).isEqualTo(record.timestamp());
            assertThat(decoded.headers()).containsExactlyEntriesOf(record.headers());
            assertThat(decoded.position()).isEqualTo(record.position());
            assertThat(decoded.schema().names()).isEqualTo(record.schema().names());
        }
    }

    @Test
    void decodedRecordsShareTheProducersSchema() {
        Record record = Record.builder().field("bus", "b").field("delta", 1L).build();

        Record decoded = (Record) codec.fromBytes(codec.toBytes(record));

        assertThat(decoded.schema()).isSameAs(record.schema());
    }

    record Reading(String sensor, double celsius, List<String> tags, int count) {
    }

    record Wrapper(Reading reading, Level level, Optional<Reading> previous) {
    }

    @Test
    void javaRecordsRoundTripThroughTheirCanonicalConstructor() {
        Reading reading = new Reading("s-1", 21.5, List.of("roof"), 3);
        Wrapper wrapper = new Wrapper(reading, Level.LOW, Optional.of(new Reading("s-0", -4, List.of(), 0)));

        assertThat(codec.fromBytes(codec.toBytes(reading))).isEqualTo(reading);
        assertThat(codec.fromBytes(codec.toBytes(wrapper))).isEqualTo(wrapper);
        assertThat(codec.fromBytes(codec.toBytes(List.of(KeyValue.of("k", wrapper))))).isEqualTo(List.of(KeyValue.of("k", wrapper)));
    }

    @Test
    void javaRecordsAreFoundThroughTheContextClassLoader() {
        byte[] bytes = codec.toBytes(new Reading("s", 1, List.of(), 1));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(null) {
        });
        try {
            assertThat(codec.fromBytes(bytes)).isEqualTo(new Reading("s", 1, List.of(), 1));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void streamsCarrySeveralValuesEachWithVersionAndLength() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        codec.write(out, "first");
        codec.write(out, Map.of("second", 2L));
        out.writeInt(12345);
        codec.write(out, null);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(codec.read(in)).isEqualTo("first");
        assertThat(codec.read(in)).isEqualTo(Map.of("second", 2L));
        assertThat(in.readInt()).isEqualTo(12345);
        assertThat(codec.read(in)).isNull();
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void hugeValuesRoundTripThroughStreams() throws IOException {
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(new DataOutputStream(bytes), List.of(big, "x".repeat(200_000)));

        Object decoded = codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(canonical(decoded)).isEqualTo(canonical(List.of(big, "x".repeat(200_000))));
    }

    @Test
    void integersKeepTheirBoxedType() {
        Map<String, Object> mixed = new HashMap<>();
        mixed.put("int", 1);
        mixed.put("long", 1L);
        mixed.put("short", (short) 1);
        mixed.put("byte", (byte) 1);

        Map<?, ?> decoded = (Map<?, ?>) codec.fromBytes(codec.toBytes(mixed));

        assertThat(decoded.get("int")).isInstanceOf(Integer.class);
        assertThat(decoded.get("long")).isInstanceOf(Long.class);
        assertThat(decoded.get("short")).isInstanceOf(Short.class);
        assertThat(decoded.get("byte")).isInstanceOf(Byte.class);
    }
}

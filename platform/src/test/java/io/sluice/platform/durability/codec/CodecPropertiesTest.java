package io.sluice.platform.durability.codec;

import static io.sluice.platform.durability.codec.DeepValues.canonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.stream.KeyValue;
import io.sluice.spi.Record;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random values, records and blocks round-trip; any damage to their bytes is a {@link CorruptDataException}, never another failure. */
class CodecPropertiesTest {
    private final ValueCodec codec = ValueCodec.standard();
    private final RecordBlockCodec blocks = new RecordBlockCodec(codec);

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12), Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().alpha().numeric().ofMinLength(60).ofMaxLength(70));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(null), Arbitraries.of(true, false), strings().map(s -> s),
                Arbitraries.longs().map(v -> v), Arbitraries.integers().map(v -> v), Arbitraries.doubles().map(v -> v),
                Arbitraries.floats().map(v -> v), Arbitraries.shorts().map(v -> v), Arbitraries.bytes().map(v -> v),
                Arbitraries.chars().map(v -> v), Arbitraries.bigIntegers().map(v -> v),
                Arbitraries.bigDecimals().ofScale(4).map(v -> (Object) v.scaleByPowerOfTen(-3)),
                Arbitraries.longs().between(-1L << 40, 1L << 40).map(s -> (Object) Instant.ofEpochSecond(s, Math.floorMod(s, 1_000_000_000))),
                Arbitraries.longs().between(-365_000, 365_000).map(d -> (Object) LocalDate.ofEpochDay(d)),
                Arbitraries.longs().map(v -> (Object) new UUID(v, ~v)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(v -> v),
                Arbitraries.longs().array(long[].class).ofMaxSize(5).map(v -> v),
                Arbitraries.of(ValueCodecTest.Level.class).map(v -> v));
    }

    private static Arbitrary<Object> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<Object> inner = values(depth - 1);
        Arbitrary<Object> keys = Arbitraries.oneOf(strings().map(s -> s), Arbitraries.longs().map(v -> v));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars()),
                net.jqwik.api.Tuple.of(2, inner.list().ofMaxSize(4).map(v -> v)),
                net.jqwik.api.Tuple.of(1, keys.set().ofMaxSize(4).map(v -> v)),
                net.jqwik.api.Tuple.of(2, Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(3).map(l -> (Object) l.toArray())),
                net.jqwik.api.Tuple.of(1, Combinators.combine(keys, inner).as((k, v) -> (Object) KeyValue.of(k, v))),
                net.jqwik.api.Tuple.of(1, inner.filter(v -> v != null).map(v -> (Object) Optional.of(v))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(strings(), Arbitraries.doubles(), strings().list().ofMaxSize(3),
                        Arbitraries.integers()).as((s, d, tags, n) -> (Object) new ValueCodecTest.Reading(s, d, tags, n))),
                net.jqwik.api.Tuple.of(1, records(inner).map(r -> r)));
    }

    private static Arbitrary<Record> records(Arbitrary<Object> fieldValues) {
        Arbitrary<Map<String, Object>> fields = Arbitraries.maps(strings(), fieldValues).ofMaxSize(5);
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(strings(), strings().injectNull(0.2)).ofMaxSize(3);
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(120).injectNull(0.5);
        Arbitrary<Object> key = scalars().injectNull(0.5);
        return Combinators.combine(key, fields, payload, Arbitraries.longs(), headers, strings().injectNull(0.5))
                .as((k, f, p, ts, h, pos) -> {
                    Record.Builder b = Record.builder().key(k).payload(p).timestamp(ts).position(pos);
                    f.forEach(b::field);
                    h.forEach(b::header);
                    return b.build();
                });
    }

    @Provide
    Arbitrary<Object> anyValue() {
        return values(3);
    }

    @Provide
    Arbitrary<List<Record>> recordBlocks() {
        Arbitrary<Record> busLike = Arbitraries.longs().between(0, 10_000).map(RecordBlockCodecTest::busEvent);
        Arbitrary<Record> payloads = Arbitraries.longs().between(0, 10_000).map(RecordBlockCodecTest::busPayload);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, busLike), net.jqwik.api.Tuple.of(3, payloads),
                net.jqwik.api.Tuple.of(2, records(scalars())), net.jqwik.api.Tuple.of(1, records(values(1))))
                .list().ofMaxSize(20).withoutEdgeCases();
    }

    @Property(tries = 400)
    void valuesRoundTrip(@ForAll("anyValue") Object value) {
        assertThat(canonical(codec.fromBytes(codec.toBytes(value)))).isEqualTo(canonical(value));
    }

    @Property(tries = 100)
    void blocksRoundTrip(@ForAll("recordBlocks") List<Record> records) {
        List<Record> decoded = blocks.decode(blocks.encode(records));

        assertThat(canonical(decoded)).isEqualTo(canonical(records));
    }

    @Property(tries = 200)
    void truncatedBytesAreCorrupt(@ForAll("anyValue") Object value, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        byte[] bytes = codec.toBytes(value);
        byte[] prefix = Arrays.copyOf(bytes, cut % bytes.length);

        assertThatThrownBy(() -> codec.fromBytes(prefix)).isInstanceOf(CorruptDataException.class);
    }

    @Property(tries = 150)
    void garbledBlocksDecodeOrAreCorruptNothingElse(@ForAll("recordBlocks") List<Record> records,
            @ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll byte garbage) {
        byte[] block = blocks.encode(records);
        block[at % block.length] ^= (byte) (garbage == 0 ? 1 : garbage);

        try {
            blocks.decode(block);
        } catch (CorruptDataException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void randomBytesDecodeOrAreCorruptNothingElse(@ForAll byte[] garbage) {
        byte[] bytes = new byte[garbage.length + 1];
        bytes[0] = ValueCodec.FORMAT_VERSION;
        System.arraycopy(garbage, 0, bytes, 1, garbage.length);

        try {
            codec.fromBytes(bytes);
        } catch (CorruptDataException expected) {
            assertThat(expected.offset()).isBetween(-1L, (long) bytes.length);
        }
    }

    @Property(tries = 100)
    void streamsOfValuesRoundTrip(@ForAll("anyValue") Object first, @ForAll @IntRange(min = 0, max = 150_000) int bigSize,
            @ForAll("anyValue") Object last) throws java.io.IOException {
        List<Object> values = Arrays.asList(first, new byte[bigSize], last, "x".repeat(bigSize / 3), first);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        for (Object value : values) {
            codec.write(out, value);
        }

        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        for (Object value : values) {
            assertThat(canonical(codec.read(in))).isEqualTo(canonical(value));
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    @Property(tries = 50)
    void decimalsKeepTheirScale(@ForAll BigDecimal value) {
        assertThat(codec.fromBytes(codec.toBytes(value))).isEqualTo(value);
    }
}

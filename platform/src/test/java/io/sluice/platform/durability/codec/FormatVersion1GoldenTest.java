package io.sluice.platform.durability.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.stream.KeyValue;
import io.sluice.spi.Record;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of format version 1, written out by hand from the format's description: data on
 * disk must stay readable, so a change that fails here needs a new {@link ValueCodec#FORMAT_VERSION}
 * (and a reader for version 1), not new expected bytes.
 */
class FormatVersion1GoldenTest {
    private final ValueCodec codec = ValueCodec.standard();

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private void assertEncoding(Object value, String expected) {
        assertThat(hex(codec.toBytes(value))).as("encoding of %s", value).isEqualTo(expected);
        assertThat(DeepValues.canonical(codec.fromBytes(HexFormat.ofDelimiter(" ").parseHex(expected))))
                .isEqualTo(DeepValues.canonical(value));
    }

    @Test
    void scalars() {
        assertEncoding(null, "01 00");
        assertEncoding(false, "01 01");
        assertEncoding(true, "01 02");
        assertEncoding((byte) -2, "01 03 fe");
        assertEncoding((short) 258, "01 04 01 02");
        assertEncoding(-1, "01 05 01");
        assertEncoding(1L, "01 06 02");
        assertEncoding(300L, "01 06 d8 04");
        assertEncoding(1.5f, "01 07 3f c0 00 00");
        assertEncoding(1.5d, "01 08 3f f8 00 00 00 00 00 00");
        assertEncoding('A', "01 09 00 41");
        assertEncoding("bus", "01 0a 07 62 75 73");
        assertEncoding("\u00e9", "01 0a 05 c3 a9");
        assertEncoding("\ud800", "01 0a 04 d8 00");
        assertEncoding(new byte[] {1, 2}, "01 0b 02 01 02");
        assertEncoding(new java.math.BigInteger("-1"), "01 0c 01 ff");
        assertEncoding(new BigDecimal("1.05"), "01 0d 04 01 69");
        assertEncoding(Instant.ofEpochSecond(1, 5), "01 0e 02 05");
        assertEncoding(java.time.Duration.ofSeconds(-1), "01 0f 01 00");
        assertEncoding(LocalDate.ofEpochDay(2), "01 10 04");
        assertEncoding(new UUID(1, 2), "01 11 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 02");
    }

    @Test
    void containers() {
        assertEncoding(Optional.empty(), "01 13");
        assertEncoding(Optional.of(1L), "01 14 06 02");
        assertEncoding(List.of(1L, "a"), "01 15 02 06 02 0a 03 61");
        assertEncoding(new java.util.LinkedHashSet<>(List.of(true)), "01 16 01 02");
        assertEncoding(new LinkedHashMap<>(Map.of("k", 300L)), "01 17 01 0a 03 6b 06 d8 04");
        assertEncoding(new Object[] {null}, "01 18 01 00");
        assertEncoding(new long[] {-1, 1}, "01 19 02 01 02");
        assertEncoding(new int[] {2}, "01 1a 01 04");
        assertEncoding(new double[] {1.5}, "01 1b 01 3f f8 00 00 00 00 00 00");
        assertEncoding(KeyValue.of("b", 2L), "01 1d 0a 03 62 06 04");
    }

    @Test
    void records() {
        Record record = Record.builder().key("b").field("n", 2L).timestamp(5).build();
        assertEncoding(record, "01 1c 03 0a 03 62 01 03 6e 06 04 0a");
        Record everything = Record.builder().payload(new byte[] {7}).timestamp(-1).header("h", null).position("p").build();
        assertEncoding(everything, "01 1c 1c 01 07 01 01 03 68 00 03 70");
    }

    record Pair(String left, long right) {
    }

    @Test
    void enumsAndJavaRecordsByClassName() {
        assertEncoding(java.time.DayOfWeek.MONDAY,
                "01 12 27 " + ascii("java.time.DayOfWeek") + " 0d " + ascii("MONDAY"));
        String pairClass = Pair.class.getName();
        assertThat(pairClass.length()).as("a two-byte string header").isBetween(64, 8191);
        int header = pairClass.length() * 2 + 1;
        String varint = String.format("%02x %02x", 0x80 | (header & 0x7f), header >>> 7);
        assertEncoding(new Pair("a", -1), "01 1e " + varint + " " + ascii(pairClass) + " 02 0a 03 61 06 01");
    }

    private static String ascii(String text) {
        return hex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void typeCodecValuesCarryIdVersionAndLength() {
        TypeCodec<StringBuilder> builders = new TypeCodec<>() {
            public String id() {
                return "t";
            }

            public int version() {
                return 2;
            }

            public void write(DataOutput out, StringBuilder value, ValueCodec values) throws IOException {
                out.writeByte(value.length());
            }

            public StringBuilder read(DataInput in, int version, ValueCodec values) throws IOException {
                return new StringBuilder("x".repeat(in.readByte()));
            }
        };

        assertThat(hex(codec.with(StringBuilder.class, builders).toBytes(new StringBuilder("42")))).isEqualTo("01 1f 03 74 02 01 02");
    }

    @Test
    void streamsPrefixVersionAndLength() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.write(new DataOutputStream(bytes), "x");

        assertThat(hex(bytes.toByteArray())).isEqualTo("01 03 0a 03 78");
    }

    @Test
    void recordBlocks() {
        Record fields = Record.builder().field("bus", "b").field("n", 1L).timestamp(10).build();
        Record payload = Record.builder().payload(new byte[] {1, 2}).timestamp(12).build();

        byte[] block = new RecordBlockCodec(codec).encode(List.of(fields, payload));

        assertThat(hex(block)).isEqualTo("01 01 02 07 62 75 73 03 6e 02 02 00 0a 03 62 06 02 14 04 02 01 02 04");
        assertThat(new RecordBlockCodec(codec).decode(block)).containsExactly(fields, payload);
    }
}

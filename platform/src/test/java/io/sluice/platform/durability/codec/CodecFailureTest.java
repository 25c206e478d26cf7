package io.sluice.platform.durability.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.stream.KeyValue;
import io.sluice.spi.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CodecFailureTest {
    private final ValueCodec codec = ValueCodec.standard();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void anUnsupportedTypeIsNamedWithWhereItWasFound() {
        Object state = Map.of("window", List.of(1L, Optional.of(new AtomicLong(3))));

        assertThatThrownBy(() -> codec.toBytes(state))
                .isInstanceOf(UnsupportedValueException.class)
                .hasMessageStartingWith("cannot encode a value of class java.util.concurrent.atomic.AtomicLong "
                        + "(value of an Optional, in element 1 of a list, in value of key 'window' of a map)")
                .hasMessageContaining("register a TypeCodec")
                .satisfies(e -> assertThat(((UnsupportedValueException) e).typeName()).isEqualTo(AtomicLong.class.getName()));
    }

    @Test
    void callersAddTheirContext() {
        UnsupportedValueException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedValueException.class,
                () -> codec.toBytes(KeyValue.of("k", new Object())));

        assertThat(e.within("state of key 'bus-7'").getMessage())
                .startsWith("cannot encode a value of class java.lang.Object (value of a KeyValue with key 'k', in state of key 'bus-7')");
    }

    @Test
    void recordFieldsAreNamedInTheMessage() {
        Record record = Record.builder().field("bus", "b").field("when", new java.util.Date(0)).build();

        assertThatThrownBy(() -> codec.toBytes(record))
                .hasMessageContaining("java.util.Date (field 'when' of a record)");
        assertThatThrownBy(() -> new RecordBlockCodec(codec).encode(List.of(Record.of(Map.of()), record.toBuilder().position("in:2").build())))
                .hasMessageContaining("(field 'when' of a record, in record 1 of a block, read at in:2)");
    }

    @Test
    void referenceArraysOtherThanObjectArraysAreRefused() {
        assertThatThrownBy(() -> codec.toBytes(new String[] {"a"}))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("[Ljava.lang.String;").hasMessageContaining("use a List");
    }

    @Test
    void aValueThatContainsItselfIsRefusedNotAStackOverflow() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);

        assertThatThrownBy(() -> codec.toBytes(loop))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("nested more than 256 levels");
    }

    @Test
    void nothingIsWrittenForAValueThatCannotBeEncoded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);

        assertThatThrownBy(() -> codec.write(out, List.of("ok", new Object()))).isInstanceOf(UnsupportedValueException.class);
        assertThat(bytes.size()).isZero();
    }

    @Test
    void unknownTagsAndVersionsAreCorruptWithTheirOffset() {
        assertThatThrownBy(() -> codec.fromBytes(hex("01 15 02 06 02 ee")))
                .isInstanceOf(CorruptDataException.class).hasMessage("unknown type tag 238 at byte 5")
                .satisfies(e -> assertThat(((CorruptDataException) e).offset()).isEqualTo(5));
        assertThatThrownBy(() -> codec.fromBytes(hex("02 00")))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("format version 2 is not one this Sluice reads");
        assertThatThrownBy(() -> codec.fromBytes(hex("01 00 00")))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("1 bytes after the end of the value");
        assertThatThrownBy(() -> codec.fromBytes(new byte[0])).isInstanceOf(CorruptDataException.class);
    }

    @Test
    void garbageLengthsAreBoundedByTheInputNotAllocated() {
        String huge = "ff ff ff ff 07";
        for (String tag : List.of("0a", "0b", "0c", "15", "16", "17", "18", "19", "1a", "1b")) {
            assertThatThrownBy(() -> codec.fromBytes(hex("01 " + tag + huge + " 00 00")))
                    .as("tag %s", tag).isInstanceOf(CorruptDataException.class).hasMessageContaining("left");
        }
        assertThatThrownBy(() -> new RecordBlockCodec(codec).decode(hex("01 00" + huge)))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("record count");
    }

    @Test
    void aGarbageLengthOnAStreamFailsAtTheEndOfTheInput() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(hex("01 fe ff ff ff 07 15 00")));

        assertThatThrownBy(() -> codec.read(in))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated value: 2147483646 bytes announced");
    }

    @Test
    void truncatedInputIsCorrupt() {
        byte[] whole = codec.toBytes(Map.of("bus", List.of(1L, "two", new byte[] {3}), "r", Record.builder().field("a", 1L)
                .header("h", "v").position("p").build()));
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> codec.fromBytes(prefix)).as("prefix of %s bytes", length).isInstanceOf(CorruptDataException.class);
        }
        DataInputStream stream = new DataInputStream(new ByteArrayInputStream(java.util.Arrays.copyOf(whole, 1)));
        assertThatThrownBy(() -> codec.read(stream)).isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated");
    }

    @Test
    void missingOrChangedClassesAreNamed() {
        assertThatThrownBy(() -> codec.fromBytes(enumOrRecord("1e", "com.acme.Gone", "00")))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("record class com.acme.Gone not found");
        assertThatThrownBy(() -> codec.fromBytes(enumOrRecord("1e", ValueCodecTest.Reading.class.getName(), "01 00")))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(ValueCodecTest.Reading.class.getName() + " has 4 components, the data has 1");
        assertThatThrownBy(() -> codec.fromBytes(enumOrRecord("1e", ValueCodecTest.Reading.class.getName(), "04 0a 03 78 0a 03 79 00 00")))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("component celsius of record class " + ValueCodecTest.Reading.class.getName()
                        + " is a java.lang.Double, the data has a java.lang.String");
        assertThatThrownBy(() -> codec.fromBytes(enumOrRecord("12", ValueCodecTest.Level.class.getName(), "0d 4d 45 44 49 55 4d")))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("has no constant MEDIUM");
        assertThatThrownBy(() -> codec.fromBytes(enumOrRecord("12", "java.lang.String", "03 41")))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("java.lang.String is not an enum");
    }

    private static byte[] enumOrRecord(String tag, String className, String rest) {
        BinaryOutput out = new BinaryOutput(64);
        out.write(1);
        out.write(Integer.parseInt(tag, 16));
        out.writeString(className);
        out.write(hex(rest));
        return out.toByteArray();
    }

    @Test
    void corruptRecordsAndBlocksAreCorrupt() {
        RecordBlockCodec blocks = new RecordBlockCodec(codec);
        assertThatThrownBy(() -> codec.fromBytes(hex("01 1c 40 00"))).hasMessageContaining("record flags 0x40 have unknown bits");
        assertThatThrownBy(() -> codec.fromBytes(hex("01 1c 02 02 03 61 06 02 03 61 06 02 00")))
                .hasMessageContaining("field 'a' appears twice");
        assertThatThrownBy(() -> blocks.decode(hex("01 01 01 03 61 01 02 05 06 02 00")))
                .hasMessageContaining("schema 5 of a block that has 1");
        assertThatThrownBy(() -> blocks.decode(hex("01 01 00 00"))).hasMessageContaining("schema has no fields");
        assertThatThrownBy(() -> blocks.decode(hex("01 00 00 00"))).hasMessageContaining("1 bytes after the last of the block's 0 records");
    }
}

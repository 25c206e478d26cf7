package io.sluice.platform.durability.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link BinaryOutput} and {@link BinaryInput} are drop-in {@code DataOutputStream}/{@code DataInputStream}s over arrays. */
class BinaryStreamsTest {
    private static void writeEverything(DataOutput out) throws IOException {
        out.writeBoolean(true);
        out.writeByte(-3);
        out.writeShort(-2);
        out.writeChar('\u20ac');
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(Long.MAX_VALUE - 1);
        out.writeFloat(1.25f);
        out.writeDouble(-2.5);
        out.writeUTF("h\u00e9llo \u0000 \ud834\udd1e");
        out.writeBytes("ab");
        out.writeChars("cd");
        out.write(new byte[] {9, 8, 7}, 1, 2);
        out.write(255);
    }

    @Test
    void writesTheBytesDataOutputStreamWrites() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        writeEverything(new DataOutputStream(expected));
        BinaryOutput out = new BinaryOutput(16);

        writeEverything(out);

        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(out.size()).isEqualTo(expected.size());
    }

    @Test
    void readsWhatItWrote() throws IOException {
        BinaryOutput out = new BinaryOutput();
        writeEverything(out);
        BinaryInput in = new BinaryInput(out.toByteArray());

        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readByte()).isEqualTo((byte) -3);
        assertThat(in.readShort()).isEqualTo((short) -2);
        assertThat(in.readChar()).isEqualTo('\u20ac');
        assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.readLong()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(in.readFloat()).isEqualTo(1.25f);
        assertThat(in.readDouble()).isEqualTo(-2.5);
        assertThat(in.readUTF()).isEqualTo("h\u00e9llo \u0000 \ud834\udd1e");
        assertThat(in.readUnsignedByte()).isEqualTo('a');
        assertThat(in.skipBytes(1)).isEqualTo(1);
        assertThat(in.readUnsignedShort()).isEqualTo('c');
        assertThat(in.readChar()).isEqualTo('d');
        byte[] two = new byte[2];
        in.readFully(two);
        assertThat(two).containsExactly(8, 7);
        assertThat(in.readUnsignedByte()).isEqualTo(255);
        assertThat(in.remaining()).isZero();
        assertThatThrownBy(in::readInt).isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated input");
    }

    @Test
    void manyValuesAreWrittenAndReadInPlaceAmongOtherData() throws IOException {
        ValueCodec values = ValueCodec.standard();
        BinaryOutput out = new BinaryOutput(16);
        out.writeInt(3);
        for (int i = 0; i < 3; i++) {
            values.write(out, "bus-" + i);
            values.write(out, Map.of("occupancy", (long) i, "seen", List.of(i)));
        }
        out.writeLong(-1);

        BinaryInput in = new BinaryInput(out.toByteArray());
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            assertThat(values.read(in)).isEqualTo("bus-" + i);
            assertThat(values.read(in)).isEqualTo(Map.of("occupancy", (long) i, "seen", List.of(i)));
        }
        assertThat(in.readLong()).isEqualTo(-1);
        ByteArrayOutputStream sameThroughAStream = new ByteArrayOutputStream();
        DataOutputStream stream = new DataOutputStream(sameThroughAStream);
        stream.writeInt(3);
        for (int i = 0; i < 3; i++) {
            values.write(stream, "bus-" + i);
            values.write(stream, Map.of("occupancy", (long) i, "seen", List.of(i)));
        }
        stream.writeLong(-1);
        assertThat(sameThroughAStream.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void aSliceIsReadUpToItsEndWithOffsetsFromTheArrayStart() throws IOException {
        byte[] bytes = {9, 9, 1, 2, 0x15, 0x00, 9};
        BinaryInput whole = new BinaryInput(bytes, 2, 6);

        assertThat(ValueCodec.standard().read(whole)).isEqualTo(List.of());
        assertThat(whole.remaining()).isZero();
        assertThatThrownBy(() -> ValueCodec.standard().read(new BinaryInput(bytes, 2, 5)))
                .isInstanceOf(CorruptDataException.class).hasMessage("value length of 2 is more than the 1 bytes left at byte 3");
    }

    @Test
    void resetReusesTheBuffer() throws IOException {
        BinaryOutput out = new BinaryOutput();
        out.writeLong(1);
        out.reset();
        out.writeByte(7);

        assertThat(out.toByteArray()).containsExactly(7);
    }
}

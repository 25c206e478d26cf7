package io.sluice.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.SluiceException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EventRangeCodecTest {
    private final EventRangeCodec codec = new EventRangeCodec();

    @Test
    void roundTrips() {
        EventRange range = new EventRange(1_000_000, 1_250_000);
        assertThat(codec.decode(codec.version(), codec.encode(range))).isEqualTo(range);
    }

    @Test
    void refusesAnUnknownVersionByName() {
        byte[] bytes = codec.encode(new EventRange(1, 2));
        assertThatThrownBy(() -> codec.decode(2, bytes)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("generator split version 2 is unknown");
    }

    @Test
    void refusesCorruptBytes() {
        assertThatThrownBy(() -> codec.decode(1, new byte[3])).isInstanceOf(SluiceException.class).hasMessageContaining("corrupt");
        byte[] backwards = ByteBuffer.allocate(16).putLong(9).putLong(2).array();
        assertThatThrownBy(() -> codec.decode(1, backwards)).isInstanceOf(SluiceException.class).hasMessageContaining("corrupt");
    }
}

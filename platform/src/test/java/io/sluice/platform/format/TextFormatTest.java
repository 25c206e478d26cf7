package io.sluice.platform.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextFormatTest {
    private final TextFormat text = new TextFormat();

    @Test
    void decodesUtf8IntoTheTextFieldAsIs() {
        Record r = text.decode("Zürich 🚌 \t end\n".getBytes(UTF_8));
        assertThat(r.fields()).containsExactly(Map.entry("text", "Zürich 🚌 \t end\n"));
        assertThat(text.decode(new byte[0]).get("text")).isEqualTo("");
    }

    @Test
    void aReplacementCharacterInTheInputIsText() {
        assertThat(text.decode("a\uFFFDb".getBytes(UTF_8)).get("text")).isEqualTo("a\uFFFDb");
    }

    @Test
    void invalidUtf8IsRefusedWithItsOffset() {
        byte[] bytes = {'o', 'k', (byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> text.decode(bytes)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("byte offset 2");
    }

    @Test
    void encodesTheTextFieldAndRoundTrips() {
        byte[] bytes = "ünïcödé line".getBytes(UTF_8);
        assertThat(text.encode(text.decode(bytes))).isEqualTo(bytes);
        assertThat(text.encode(Record.builder().field("other", 1L).field("text", 42L).build())).isEqualTo("42".getBytes(UTF_8));
    }

    @Test
    void aPayloadRecordIsWrittenAsItsPayload() {
        byte[] payload = "raw".getBytes(UTF_8);
        assertThat(text.encode(Record.ofPayload(payload))).isEqualTo(payload);
    }

    @Test
    void aRecordWithoutTextIsRefusedNamingItsFields() {
        assertThatThrownBy(() -> text.encode(Record.builder().field("bus", "b").build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("field 'text'").hasMessageContaining("[bus]");
        assertThatThrownBy(() -> text.encode(Record.builder().field("text", Map.of("a", 1L)).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("holds a");
    }
}

package io.sluice.platform.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.config.ConfigException;
import org.junit.jupiter.api.Test;

class RecordFormatsTest {
    @Test
    void theStandardFormatsAreJsonTextAndBytes() {
        RecordFormats formats = RecordFormats.standard();
        assertThat(formats.names()).containsExactly("json", "text", "bytes");
        assertThat(formats.get("json")).isInstanceOf(JsonFormat.class);
        assertThat(formats.get("text")).isInstanceOf(TextFormat.class);
        assertThat(formats.get("bytes")).isInstanceOf(BytesFormat.class);
        assertThat(formats.get("json").name()).isEqualTo("json");
    }

    @Test
    void anUnknownNameIsAConfigErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> RecordFormats.standard().get("avro"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown record format 'avro'; known formats: json, text, bytes");
        assertThat(RecordFormats.standard().find("avro")).isEmpty();
    }

    @Test
    void twoFormatsWithOneNameAreRefused() {
        assertThatThrownBy(() -> RecordFormats.of(new JsonFormat(), new JsonFormat()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'json'");
    }
}

package io.sluice.platform.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import org.junit.jupiter.api.Test;

class BytesFormatTest {
    private final BytesFormat bytes = new BytesFormat();

    @Test
    void thePayloadPassesThroughUnchanged() {
        byte[] raw = {0, (byte) 0xFF, 10, 13, 'x'};
        Record r = bytes.decode(raw);
        assertThat(r.payload()).isSameAs(raw);
        assertThat(r.fields()).isEmpty();
        assertThat(bytes.encode(r)).isEqualTo(raw);
    }

    @Test
    void aRecordWithOnlyFieldsIsRefused() {
        assertThatThrownBy(() -> bytes.encode(Record.builder().field("a", 1L).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("only fields [a]");
    }
}

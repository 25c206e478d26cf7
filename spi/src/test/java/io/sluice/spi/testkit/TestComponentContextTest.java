package io.sluice.spi.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.format.RecordFormat;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestComponentContextTest {

    @Test
    void textAndBytesFormatsRoundTrip() {
        TestComponentContext ctx = TestComponentContext.builder().build();
        Record text = ctx.format("text").decode("héllo".getBytes(UTF_8));
        assertThat(text.fields()).containsExactly(java.util.Map.entry("text", "héllo"));
        assertThat(new String(ctx.format("text").encode(text), UTF_8)).isEqualTo("héllo");
        assertThat(ctx.format("bytes").encode(ctx.format("bytes").decode(new byte[] {1, 2}))).containsExactly(1, 2);
        assertThatThrownBy(() -> ctx.format("text").encode(Record.ofPayload(new byte[0]))).isInstanceOf(BadRecordException.class);
    }

    @Test
    void anUnknownFormatIsAConfigError() {
        assertThatThrownBy(() -> TestComponentContext.builder().build().format("json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("json");
    }

    @Test
    void aTestSuppliedFormatIsUsed() {
        RecordFormat upper = new RecordFormat() {
            public String name() {
                return "json";
            }

            public Record decode(byte[] bytes) {
                return Record.builder().field("v", new String(bytes, UTF_8).toUpperCase()).build();
            }

            public byte[] encode(Record record) {
                return record.getString("v").getBytes(UTF_8);
            }
        };
        TestComponentContext ctx = TestComponentContext.builder().format(upper).build();
        assertThat(ctx.format("json").decode("a".getBytes(UTF_8)).get("v")).isEqualTo("A");
    }

    @Test
    void errorsMetricsAndClockAreObservable() {
        ManualClock clock = new ManualClock(TestComponentContext.DEFAULT_TIME);
        TestComponentContext ctx = TestComponentContext.builder().clock(clock).build();
        ctx.errors().reportRaw("in.txt:3", "bad".getBytes(UTF_8), new BadRecordException("bad"));
        ctx.metrics().counter("bad_lines").increment();
        ctx.metrics().gauge("depth", () -> 7);
        clock.advance(Duration.ofSeconds(2));

        assertThat(ctx.collectedErrors().raw()).singleElement()
                .satisfies(e -> assertThat(e.origin()).isEqualTo("in.txt:3"))
                .satisfies(e -> assertThat(e.rawAsString()).isEqualTo("bad"));
        assertThat(ctx.testMetrics().count("bad_lines")).isEqualTo(1);
        assertThat(ctx.testMetrics().gaugeValue("depth")).hasValue(7);
        assertThat(ctx.clock().millis()).isEqualTo(TestComponentContext.DEFAULT_TIME.toEpochMilli() + 2000);
    }
}

package io.sluice.platform.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
    private final JsonFormat json = new JsonFormat();

    private Record decode(String text) {
        return json.decode(text.getBytes(UTF_8));
    }

    private String encode(Record record) {
        return new String(json.encode(record), UTF_8);
    }

    @Test
    void decodesABusSensorEventWithWholeNumbersAsLongInDocumentOrder() {
        Record event = decode("{\"bus\":\"bus-0042\",\"line\":\"L42\",\"stop\":1,\"ts\":1732390002042,"
                + "\"boarded\":2,\"alighted\":0,\"capacity\":60}\n");
        assertThat(event.fields()).containsExactly(
                Map.entry("bus", "bus-0042"), Map.entry("line", "L42"), Map.entry("stop", 1L),
                Map.entry("ts", 1732390002042L), Map.entry("boarded", 2L), Map.entry("alighted", 0L),
                Map.entry("capacity", 60L));
        assertThat(event.hasPayload()).isFalse();
    }

    @Test
    void decodesEveryValueType() {
        Record r = decode("""
                {"s":"x","neg":-7,"max":9223372036854775807,"min":-9223372036854775808,"d":2.5,"e":1e3,
                 "t":true,"f":false,"n":null,"o":{"a":1,"b":[true,{"c":"d"}]},"a":[1,2.0,"three",null],"empty":{}}""");
        assertThat(r.get("s")).isEqualTo("x");
        assertThat(r.get("neg")).isEqualTo(-7L);
        assertThat(r.get("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(r.get("min")).isEqualTo(Long.MIN_VALUE);
        assertThat(r.get("d")).isEqualTo(2.5d);
        assertThat(r.get("e")).isEqualTo(1000.0d);
        assertThat(r.get("t")).isEqualTo(true);
        assertThat(r.get("f")).isEqualTo(false);
        assertThat(r.fields()).containsKey("n");
        assertThat(r.get("n")).isNull();
        assertThat(r.get("o")).isEqualTo(Map.of("a", 1L, "b", List.of(true, Map.of("c", "d"))));
        assertThat(r.get("a")).isEqualTo(Arrays.asList(1L, 2.0d, "three", null));
        assertThat(r.get("empty")).isEqualTo(Map.of());
    }

    @Test
    void nestedValuesCannotBeModified() {
        Record r = decode("{\"o\":{\"a\":1},\"l\":[1]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) r.get("o");
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) r.get("l");
        assertThatThrownBy(() -> object.put("b", 2L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add(2L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRepeatedNameKeepsItsFirstPositionAndLastValue() {
        assertThat(decode("{\"a\":1,\"b\":2,\"a\":3}").fields()).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
    }

    @Test
    void decodesUnicodeAndEscapes() {
        Record r = decode("{\"stop\":\"Zürich – 東京 🚌\",\"esc\":\"\\u00e9\\n\\\"q\\\"\\t\\\\\",\"ключ\":1}");
        assertThat(r.get("stop")).isEqualTo("Zürich – 東京 🚌");
        assertThat(r.get("esc")).isEqualTo("é\n\"q\"\t\\");
        assertThat(r.get("ключ")).isEqualTo(1L);
    }

    @Test
    void encodesFieldsInOrderWithEveryValueType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", Arrays.asList("x", null, 2.5));
        Record r = Record.builder().field("s", "bus-7").field("l", 42L).field("i", 7).field("d", -0.5)
                .field("t", true).field("n", null).field("m", nested).field("b", new byte[] {1, 2, 3}).build();
        assertThat(encode(r)).isEqualTo("{\"s\":\"bus-7\",\"l\":42,\"i\":7,\"d\":-0.5,\"t\":true,\"n\":null,"
                + "\"m\":{\"z\":1,\"a\":[\"x\",null,2.5]},\"b\":\"AQID\"}");
    }

    @Test
    void encodesUnicodeAsUtf8AndEscapesWhatJsonRequires() {
        Record r = Record.builder().field("stop", "Zürich 🚌").field("q", "a\"b\\c\nd").build();
        byte[] bytes = json.encode(r);
        assertThat(new String(bytes, UTF_8)).isEqualTo("{\"stop\":\"Zürich 🚌\",\"q\":\"a\\\"b\\\\c\\nd\"}");
        assertThat(json.decode(bytes)).isEqualTo(r);
    }

    @Test
    void roundTripsTextAndRecords() {
        String line = "{\"bus\":\"bus-1999\",\"line\":\"L49\",\"stop\":39,\"ts\":1732399999999,\"boarded\":0,"
                + "\"alighted\":5,\"capacity\":80,\"ratio\":0.25,\"ok\":false,\"tags\":[\"a\",{\"b\":null}],\"none\":null}";
        assertThat(encode(decode(line))).isEqualTo(line);

        Record record = Record.builder().field("k", "v").field("n", -3L).field("x", 1.0e-9)
                .field("list", List.of(1L, List.of(2L), Map.of("deep", "yes"))).build();
        assertThat(json.decode(json.encode(record))).isEqualTo(record);
    }

    @Test
    void anEmptyRecordIsAnEmptyObject() {
        assertThat(encode(Record.builder().build())).isEqualTo("{}");
        assertThat(decode(" { } ").fields()).isEmpty();
    }

    @Test
    void aPayloadOnlyRecordCannotBeEncoded() {
        assertThatThrownBy(() -> json.encode(Record.ofPayload("{\"a\":1}".getBytes(UTF_8))))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("only a payload");
    }

    @Test
    void valuesJsonCannotCarryAreRefusedNamingTheField() {
        assertThatThrownBy(() -> json.encode(Record.builder().field("r", Double.NaN).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("field 'r' is NaN");
        assertThatThrownBy(() -> json.encode(Record.builder().field("when", java.time.Instant.EPOCH).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("field 'when' holds a java.time.Instant");
        assertThatThrownBy(() -> json.encode(Record.builder().field("m", Map.of(1, "x")).build()))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("non-string key");
    }

    @Test
    void aSyntaxErrorGivesLineColumnAndAnExcerpt() {
        assertThatThrownBy(() -> decode("{\"bus\":x,\"line\":\"L42\"}"))
                .isInstanceOf(BadRecordException.class)
                .hasMessageStartingWith("invalid JSON at line 1, column ")
                .hasMessageContaining("Unrecognized token 'x'")
                .hasMessageContaining("near: {\"bus\":x,\"line\":\"L42\"}");
        assertThatThrownBy(() -> decode("{\n  \"a\": 1,\n  \"b\": }"))
                .isInstanceOf(BadRecordException.class)
                .hasMessageStartingWith("invalid JSON at line 3, column ")
                .hasMessageContaining("\\n");
    }

    @Test
    void theExcerptIsShortForLongLines() {
        String line = "{\"padding\":\"" + "p".repeat(200) + "\",\"bad\":tru,\"more\":\"" + "m".repeat(200) + "\"}";
        assertThatThrownBy(() -> decode(line))
                .isInstanceOf(BadRecordException.class)
                .satisfies(e -> {
                    String excerpt = e.getMessage().substring(e.getMessage().indexOf("near: ") + 6);
                    assertThat(excerpt).startsWith("…").endsWith("…").contains("tru").hasSizeLessThan(50);
                });
    }

    @Test
    void truncatedInputIsReported() {
        assertThatThrownBy(() -> decode("{\"a\":1")).isInstanceOf(BadRecordException.class)
                .hasMessage("invalid JSON at line 1, column 7: Unexpected end-of-input: expected close marker for Object;"
                        + " near: {\"a\":1");
        assertThatThrownBy(() -> decode("{\"a\":\"unterminated")).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("end-of-input");
    }

    @Test
    void topLevelValuesOtherThanAnObjectAreRefused() {
        assertThatThrownBy(() -> decode("[1,2]")).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("expected an object but found an array").hasMessageContaining("near: [1,2]");
        assertThatThrownBy(() -> decode("\"text\"")).hasMessageContaining("found a string");
        assertThatThrownBy(() -> decode("42")).hasMessageContaining("found a number");
        assertThatThrownBy(() -> decode("true")).hasMessageContaining("found a boolean");
        assertThatThrownBy(() -> decode("null")).hasMessageContaining("found null");
        assertThatThrownBy(() -> decode("")).isInstanceOf(BadRecordException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> decode("  \n")).isInstanceOf(BadRecordException.class).hasMessageContaining("empty");
    }

    @Test
    void contentAfterTheObjectIsRefused() {
        assertThatThrownBy(() -> decode("{\"a\":1}{\"b\":2}")).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("unexpected content after the JSON object")
                .hasMessageContaining("line 1, column 8");
        assertThatThrownBy(() -> decode("{\"a\":1} x")).isInstanceOf(BadRecordException.class);
    }

    @Test
    void integersBeyond64BitsAreRefusedRatherThanRounded() {
        assertThatThrownBy(() -> decode("{\"big\":92233720368547758070}")).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("integer 92233720368547758070 does not fit in 64 bits");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> json.decode(bytes)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("invalid JSON at line 1").hasMessageContaining("UTF-8");
    }

    @Test
    void decodesConcurrentlyFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                sums.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < 5_000; i++) {
                        Record r = decode("{\"t\":" + thread + ",\"i\":" + i + ",\"s\":\"" + "x".repeat(i % 7) + "\"}");
                        sum += r.getLong("i") + r.getLong("t") + r.getString("s").length();
                        assertThat(json.decode(json.encode(r))).isEqualTo(r);
                    }
                    return sum;
                }));
            }
            for (int t = 0; t < 4; t++) {
                long expected = 5_000L * 4_999 / 2 + 5_000L * t;
                for (int i = 0; i < 5_000; i++) {
                    expected += i % 7;
                }
                assertThat(sums.get(t).get(1, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

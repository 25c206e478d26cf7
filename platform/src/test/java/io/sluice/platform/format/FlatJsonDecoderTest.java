package io.sluice.platform.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.Record;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser-free path gives exactly Jackson's records, and declines whatever it does not handle. */
class FlatJsonDecoderTest {
    private final JsonFormat json = new JsonFormat();
    private final FlatJsonDecoder flat = new FlatJsonDecoder();

    @Test
    void decodesFlatObjectsExactlyAsJacksonDoes() {
        List<String> inputs = List.of(
                "{\"bus\":\"bus-0042\",\"line\":\"L42\",\"stop\":1,\"ts\":1732390002042,\"boarded\":2,\"alighted\":0,\"capacity\":60}",
                "{\"bus\":\"bus-0042\",\"line\":\"L42\",\"stop\":1}\n",
                "  { \"a\" : -7 ,\t\"b\":true,\r\n\"c\":false, \"d\" : null , \"e\":\"\" }  ",
                "{}", " {} \n", "{\"a\":1,\"b\":2,\"a\":3}", "{\"zero\":0,\"neg\":-0,\"big\":999999999999999999}",
                "{\"long string value over the cache limit\":\"abcdefghijklmnopqrstuvwxyz0123456789\"}");
        for (String input : inputs) {
            Record fast = flat.decode(input.getBytes(UTF_8));
            assertThat(fast).as(input).isNotNull().isEqualTo(json.decodeWithJackson(input.getBytes(UTF_8)));
            assertThat(fast.fields().keySet()).as(input)
                    .containsExactlyElementsOf(json.decodeWithJackson(input.getBytes(UTF_8)).fields().keySet());
        }
    }

    @Test
    void declinesWhatOnlyJacksonHandles() {
        List<String> inputs = List.of(
                "{\"d\":2.5}", "{\"e\":1e3}", "{\"e\":1E3}", "{\"o\":{\"a\":1}}", "{\"l\":[1]}",
                "{\"esc\":\"a\\nb\"}", "{\"u\":\"Zürich\"}", "{\"min\":-9223372036854775808}",
                "{\"n\":0123}", "{\"n\":-}", "{\"a\":1,}", "{\"a\":1", "{\"a\" 1}", "[1]", "\"x\"", "",
                "{\"a\":1} x", "{\"a\":tru}", "{\"a\":nul}", "{a:1}", "{\"a\":\"unterminated}",
                "{\"ctl\":\"a\tb\"}", "{\"a\":1}{\"b\":2}");
        for (String input : inputs) {
            assertThat(flat.decode(input.getBytes(UTF_8))).as(input).isNull();
        }
    }

    @Test
    void randomFlatObjectsDecodeLikeJackson() {
        Random random = new Random(42);
        String[] names = {"bus", "line", "stop", "ts", "boarded", "alighted", "capacity", "x"};
        for (int n = 0; n < 2_000; n++) {
            StringBuilder sb = new StringBuilder(space(random)).append('{');
            int fields = random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                sb.append(f == 0 ? "" : ",").append(space(random)).append('"').append(names[random.nextInt(names.length)])
                        .append('"').append(space(random)).append(':').append(space(random)).append(value(random))
                        .append(space(random));
            }
            String input = sb.append('}').append(space(random)).toString();
            Record fast = flat.decode(input.getBytes(UTF_8));
            Record reference = json.decodeWithJackson(input.getBytes(UTF_8));
            if (fast != null) {
                assertThat(fast).as(input).isEqualTo(reference);
                assertThat(fast.toString()).as(input).isEqualTo(reference.toString());
            }
            assertThat(json.decode(input.getBytes(UTF_8))).as(input).isEqualTo(reference);
        }
    }

    private static String space(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            default -> "";
        };
    }

    private static String value(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Long.toString(random.nextLong() % 1_000_000_000_000L);
            case 1 -> "\"bus-" + random.nextInt(100) + "\"";
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> Double.toString(random.nextDouble());
            case 5 -> "\"" + "v".repeat(random.nextInt(40)) + "\"";
            default -> Integer.toString(random.nextInt(10));
        };
    }
}

package io.sluice.connectors.generator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.Record;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test vectors of WORKLOAD.md. */
class BusSensorWorkloadTest {
    private final BusSensorWorkload workload = new BusSensorWorkload(2000);

    private String json(long k) {
        LineBuffer line = new LineBuffer(8);
        workload.appendJson(k, line);
        return new String(line.toByteArray(), UTF_8);
    }

    private static Map<String, Object> fields(Workload w, long k) {
        return w.putFields(k, Record.builder()).build().fields();
    }

    @Test
    void drawsMatchTheSpecification() {
        assertThat(BusSensorWorkload.draw(0)).isEqualTo(1416787490);
        assertThat(BusSensorWorkload.draw(1)).isEqualTo(1201199306);
        assertThat(BusSensorWorkload.draw(2)).isEqualTo(1745468151);
    }

    @Test
    void eventsMatchTheSpecificationByteForByte() {
        assertThat(json(0)).isEqualTo("{\"bus\":\"bus-0000\",\"line\":\"L00\",\"stop\":0,\"ts\":1732390000000,\"boarded\":2,\"alighted\":0,\"capacity\":60}");
        assertThat(json(2042)).isEqualTo("{\"bus\":\"bus-0042\",\"line\":\"L42\",\"stop\":1,\"ts\":1732390002042,\"boarded\":2,\"alighted\":0,\"capacity\":60}");
        assertThat(json(9_999_999)).isEqualTo("{\"bus\":\"bus-1999\",\"line\":\"L49\",\"stop\":39,\"ts\":1732399999999,\"boarded\":0,\"alighted\":5,\"capacity\":80}");
    }

    @Test
    void fieldsCarryTheSameValuesInTheSameOrder() {
        assertThat(workload.putFields(9_999_999, Record.builder()).build().fields()).containsExactly(
                Map.entry("bus", "bus-1999"), Map.entry("line", "L49"), Map.entry("stop", 39L),
                Map.entry("ts", 1732399999999L), Map.entry("boarded", 0L), Map.entry("alighted", 5L),
                Map.entry("capacity", 80L));
        assertThat(workload.timestamp(9_999_999)).isEqualTo(1732399999999L);
    }

    @Test
    void busIdsHaveAtLeastFourDigits() {
        BusSensorWorkload many = new BusSensorWorkload(20_000);
        assertThat(fields(many, 12_345).get("bus")).isEqualTo("bus-12345");
        assertThat(fields(many, 7).get("bus")).isEqualTo("bus-0007");
        assertThat(json(7)).startsWith("{\"bus\":\"bus-0007\",\"line\":\"L07\",");
        assertThat(fields(many, 12_345).get("capacity")).isEqualTo(60L);   // 12345 % 3 == 0
    }

    @Test
    void preparedLinesEqualLinesWrittenPieceByPiece() {
        for (BusSensorWorkload w : new BusSensorWorkload[] {workload, new BusSensorWorkload(7), new BusSensorWorkload(50_000)}) {
            for (long k : new long[] {0, 1, 39, 2042, 79_999, 80_000, 9_999_999, 123_456_789_012L}) {
                LineBuffer line = new LineBuffer(8);
                w.appendJson(k, line);
                assertThat(new String(w.json(k), UTF_8)).isEqualTo(new String(line.toByteArray(), UTF_8));
            }
        }
    }

    @Test
    void aBufferGrowsForLongLines() {
        LineBuffer line = new LineBuffer(1);
        line.appendPadded(Long.MAX_VALUE, 1).appendPadded(5, 3);
        assertThat(new String(line.toByteArray(), UTF_8)).isEqualTo(Long.MAX_VALUE + "005");
    }
}

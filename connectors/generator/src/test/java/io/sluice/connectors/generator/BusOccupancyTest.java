package io.sluice.connectors.generator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reference figures of WORKLOAD.md, computed with a plain loop over the records the source
 * produces (through its planner and reader, as the engine would read them).
 */
class BusOccupancyTest {
    private static final int BUSES = 2000;

    /** Running occupancy per bus and the capacities, from {@code events} events in {@code fields} output. */
    private static long[][] occupancyAfter(long events) {
        long[] occupancy = new long[BUSES];
        long[] capacity = new long[BUSES];
        Generated.forEach(Generated.config(Map.of("limit", events, "events-per-batch", 250_000, "splits", 3, "output", "fields")), r -> {
            int bus = Integer.parseInt(r.getString("bus").substring(4));
            occupancy[bus] += r.getLong("boarded") - r.getLong("alighted");
            capacity[bus] = r.getLong("capacity");
        });
        return new long[][] {occupancy, capacity};
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static long atOrOverCapacity(long[][] state) {
        long n = 0;
        for (int bus = 0; bus < BUSES; bus++) {
            if (state[0][bus] >= state[1][bus]) {
                n++;
            }
        }
        return n;
    }

    @Test
    void afterTheFirstMillionEvents() {
        long[][] state = occupancyAfter(1_000_000);
        assertThat(sum(state[0])).isEqualTo(1742);
        assertThat(atOrOverCapacity(state)).isEqualTo(160);
    }

    @Test
    @Tag("slow")
    void afterTenMillionEvents() {
        long[][] state = occupancyAfter(10_000_000);
        long[] occupancy = state[0];
        assertThat(occupancy[0]).isEqualTo(15);
        assertThat(occupancy[42]).isEqualTo(-272);
        assertThat(occupancy[1999]).isEqualTo(-17);
        assertThat(sum(occupancy)).isEqualTo(3712);
        int min = 0;
        int max = 0;
        for (int bus = 0; bus < BUSES; bus++) {
            min = occupancy[bus] < occupancy[min] ? bus : min;
            max = occupancy[bus] > occupancy[max] ? bus : max;
        }
        assertThat(min).isEqualTo(1629);
        assertThat(occupancy[min]).isEqualTo(-560);
        assertThat(max).isEqualTo(1124);
        assertThat(occupancy[max]).isEqualTo(514);
        assertThat(atOrOverCapacity(state)).isEqualTo(609);
    }

    @Test
    @Tag("slow")
    void tenMillionJsonLinesHaveTheReferenceDigest() throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long[] bytes = {0};
        byte[] newline = "\n".getBytes(UTF_8);
        Generated.forEach(Generated.config(Map.of("limit", 10_000_000, "events-per-batch", 1_000_000, "splits", 4)), r -> {
            sha256.update(r.payload());
            sha256.update(newline);
            bytes[0] += r.payload().length + 1;
        });
        assertThat(bytes[0]).isEqualTo(1_000_830_000L);
        assertThat(HexFormat.of().formatHex(sha256.digest()))
                .isEqualTo("6f0add897a091a03f3670df0d84fdc4dcc8bb4be020e1e226ac14097a4b1f8cc");
    }
}

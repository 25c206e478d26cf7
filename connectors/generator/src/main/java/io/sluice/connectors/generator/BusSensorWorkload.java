package io.sluice.connectors.generator;

import io.sluice.spi.Record;
import java.nio.charset.StandardCharsets;

/**
 * The bus-sensor events of the bus-occupancy workload ({@code WORKLOAD.md}), exactly: event
 * {@code k} is bus {@code k % buses} (round robin) at stop {@code (k / buses) % 40}, at time
 * {@code 1732390000000 + k}, with {@code r % 6} passengers boarding and {@code (r / 6) % 6} alighting,
 * where {@code r} is the low 31 bits of {@link #mix64 mix64(42 + k)}. Bus {@code i} rides line
 * {@code "L" + two digits of i % 50}; its capacity is 60, 80 or 120 for {@code i % 3} = 0, 1, 2.
 *
 * <pre>{@code
 * {"bus":"bus-0042","line":"L42","stop":1,"ts":1732390002042,"boarded":2,"alighted":0,"capacity":60}
 * }</pre>
 */
final class BusSensorWorkload implements Workload {
    static final String NAME = "bus-sensors";
    static final long FIRST_TIMESTAMP = 1_732_390_000_000L;
    static final long SEED = 42L;
    static final int STOPS = 40;
    static final int LINES = 50;

    private static final byte[] BUS = ascii("{\"bus\":\"bus-");
    private static final byte[] LINE = ascii("\",\"line\":\"L");
    private static final byte[] STOP = ascii("\",\"stop\":");
    private static final byte[] TS = ascii(",\"ts\":");
    private static final byte[] BOARDED = ascii(",\"boarded\":");
    private static final byte[] ALIGHTED = ascii(",\"alighted\":");
    private static final byte[] CAPACITY = ascii(",\"capacity\":");
    private static final byte[] END = ascii("}");

    private final int buses;

    BusSensorWorkload(int buses) {
        if (buses < 1) {
            throw new IllegalArgumentException("buses must be at least 1: " + buses);
        }
        this.buses = buses;
    }

    /** java.util.SplittableRandom's mix64: 64-bit two's-complement arithmetic, unsigned shifts. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The random draw of event {@code k}: the low 31 bits of {@code mix64(42 + k)}. */
    static int draw(long k) {
        return (int) (mix64(SEED + k) & 0x7fffffffL);
    }

    static long capacity(int bus) {
        return switch (bus % 3) {
            case 0 -> 60;
            case 1 -> 80;
            default -> 120;
        };
    }

    @Override
    public void appendJson(long k, LineBuffer line) {
        int bus = bus(k);
        int r = draw(k);
        line.append(BUS).appendPadded(bus, 4)
                .append(LINE).appendPadded(bus % LINES, 2)
                .append(STOP).append(stop(k))
                .append(TS).append(timestamp(k))
                .append(BOARDED).append(r % 6)
                .append(ALIGHTED).append((r / 6) % 6)
                .append(CAPACITY).append(capacity(bus))
                .append(END);
    }

    @Override
    public Record.Builder putFields(long k, Record.Builder record) {
        int bus = bus(k);
        int r = draw(k);
        return record.field("bus", busId(bus))
                .field("line", lineId(bus))
                .field("stop", stop(k))
                .field("ts", timestamp(k))
                .field("boarded", (long) (r % 6))
                .field("alighted", (long) ((r / 6) % 6))
                .field("capacity", capacity(bus));
    }

    @Override
    public long timestamp(long k) {
        return FIRST_TIMESTAMP + k;
    }

    private int bus(long k) {
        return (int) (k % buses);
    }

    private long stop(long k) {
        return (k / buses) % STOPS;
    }

    static String busId(int bus) {
        String digits = Integer.toString(bus);
        return "bus-" + "0000".substring(Math.min(4, digits.length())) + digits;
    }

    static String lineId(int bus) {
        int line = bus % LINES;
        return (line < 10 ? "L0" : "L") + line;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

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

    /** Up to this many buses, each bus's constant parts of a line are prepared once. */
    private static final int MAX_PREPARED_BUSES = 10_000;

    private final int buses;
    /** Per bus: the line up to the stop number, and from the capacity on; {@code null} for many buses. */
    private final byte[][] heads;
    private final byte[][] tails;

    BusSensorWorkload(int buses) {
        if (buses < 1) {
            throw new IllegalArgumentException("buses must be at least 1: " + buses);
        }
        this.buses = buses;
        if (buses <= MAX_PREPARED_BUSES) {
            heads = new byte[buses][];
            tails = new byte[buses][];
            for (int bus = 0; bus < buses; bus++) {
                LineBuffer head = new LineBuffer(64);
                head.append(BUS).appendPadded(bus, 4).append(LINE).appendPadded(bus % LINES, 2).append(STOP);
                heads[bus] = head.toByteArray();
                LineBuffer tail = new LineBuffer(32);
                tail.append(CAPACITY).append(capacity(bus)).append(END);
                tails[bus] = tail.toByteArray();
            }
        } else {
            heads = null;
            tails = null;
        }
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

    /** The same bytes as {@link #appendJson}, written once into an array of the line's length. */
    @Override
    public byte[] json(long k) {
        if (heads == null) {
            return Workload.super.json(k);
        }
        int bus = bus(k);
        int r = draw(k);
        long stop = stop(k);
        long ts = timestamp(k);
        byte[] head = heads[bus];
        byte[] tail = tails[bus];
        int stopDigits = LineBuffer.digits(stop);
        int tsDigits = LineBuffer.digits(ts);
        byte[] line = new byte[head.length + stopDigits + TS.length + tsDigits + BOARDED.length + 1 + ALIGHTED.length + 1
                + tail.length];
        int at = put(line, 0, head);
        at = putDigits(line, at, stop, stopDigits);
        at = put(line, at, TS);
        at = putDigits(line, at, ts, tsDigits);
        at = put(line, at, BOARDED);
        line[at++] = (byte) ('0' + r % 6);
        at = put(line, at, ALIGHTED);
        line[at++] = (byte) ('0' + (r / 6) % 6);
        put(line, at, tail);
        return line;
    }

    private static int put(byte[] line, int at, byte[] part) {
        System.arraycopy(part, 0, line, at, part.length);
        return at + part.length;
    }

    private static int putDigits(byte[] line, int at, long value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            line[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
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

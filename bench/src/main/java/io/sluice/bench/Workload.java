package io.sluice.bench;

import java.nio.charset.StandardCharsets;

/**
 * The events of {@code WORKLOAD.md}, written here a second time on purpose: the baseline reads
 * these lines and the reference loop these values, so a mistake in the generator plugin shows up
 * as a failed check instead of being copied into the expected results.
 */
final class Workload {
    static final int BUSES = 2000;
    static final int LINES = 50;
    private static final long FIRST_TIMESTAMP = 1_732_390_000_000L;

    private Workload() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static int draw(long k) {
        return (int) (mix64(42L + k) & 0x7fffffffL);
    }

    static int bus(long k) {
        return (int) (k % BUSES);
    }

    static int line(int bus) {
        return bus % LINES;
    }

    /** boarded - alighted of event {@code k}. */
    static long delta(long k) {
        int r = draw(k);
        return r % 6 - (r / 6) % 6;
    }

    static long capacity(int bus) {
        return switch (bus % 3) {
            case 0 -> 60;
            case 1 -> 80;
            default -> 120;
        };
    }

    static String busId(int bus) {
        return "bus-" + pad(bus, 4);
    }

    static String lineId(int line) {
        return "L" + pad(line, 2);
    }

    /** Event {@code k} as its JSON line (without the line break), UTF-8. */
    static byte[] json(long k) {
        int bus = bus(k);
        int r = draw(k);
        String line = "{\"bus\":\"" + busId(bus) + "\",\"line\":\"" + lineId(line(bus)) + "\",\"stop\":"
                + (k / BUSES) % 40 + ",\"ts\":" + (FIRST_TIMESTAMP + k) + ",\"boarded\":" + r % 6
                + ",\"alighted\":" + (r / 6) % 6 + ",\"capacity\":" + capacity(bus) + "}";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) as JSON lines. */
    static byte[][] jsonLines(long from, long to) {
        byte[][] lines = new byte[(int) (to - from)][];
        for (long k = from; k < to; k++) {
            lines[(int) (k - from)] = json(k);
        }
        return lines;
    }

    private static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}

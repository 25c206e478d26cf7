package io.sluice.bench.jmh;

import java.nio.charset.StandardCharsets;

/** The first events of WORKLOAD.md as JSON lines, for the microbenchmarks' inputs. */
final class WorkloadLines {
    private WorkloadLines() {
    }

    static byte[][] first(int count) {
        byte[][] lines = new byte[count][];
        for (int k = 0; k < count; k++) {
            lines[k] = line(k).getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }

    static String line(long k) {
        int bus = (int) (k % 2000);
        int r = (int) (mix64(42L + k) & 0x7fffffffL);
        long capacity = bus % 3 == 0 ? 60 : bus % 3 == 1 ? 80 : 120;
        return String.format("{\"bus\":\"bus-%04d\",\"line\":\"L%02d\",\"stop\":%d,\"ts\":%d,\"boarded\":%d,\"alighted\":%d,"
                + "\"capacity\":%d}", bus, bus % 50, (k / 2000) % 40, 1_732_390_000_000L + k, r % 6, (r / 6) % 6, capacity);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

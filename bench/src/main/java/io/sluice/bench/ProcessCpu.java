package io.sluice.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this process (all threads, the collector's included), for a second figure that
 * holds up on a shared machine: wall time stretches when other processes take the cores, CPU time
 * much less.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used so far, or -1 when the JVM cannot tell. */
    static long nanos() {
        return OS.getProcessCpuTime();
    }
}

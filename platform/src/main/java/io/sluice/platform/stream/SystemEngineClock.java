package io.sluice.platform.stream;

/** {@link EngineClock#system()}: the wall clock, waiting with {@link Thread#sleep(long)}. */
final class SystemEngineClock implements EngineClock {
    static final SystemEngineClock INSTANCE = new SystemEngineClock();

    private SystemEngineClock() {
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public void waitUntil(long epochMillis) throws InterruptedException {
        long remaining;
        while ((remaining = epochMillis - System.currentTimeMillis()) > 0) {
            Thread.sleep(remaining);
        }
    }

    @Override
    public String toString() {
        return "EngineClock.system()";
    }
}

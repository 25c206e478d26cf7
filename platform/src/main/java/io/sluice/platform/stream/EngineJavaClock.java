package io.sluice.platform.stream;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A read-only {@link Clock} view of an {@link EngineClock}. */
final class EngineJavaClock extends Clock {
    private final EngineClock clock;
    private final ZoneId zone;

    EngineJavaClock(EngineClock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new EngineJavaClock(clock, newZone);
    }

    @Override
    public long millis() {
        return clock.millis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(clock.millis());
    }

    @Override
    public String toString() {
        return "EngineJavaClock[" + clock + ", " + zone + "]";
    }
}

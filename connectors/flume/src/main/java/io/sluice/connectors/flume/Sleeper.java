package io.sluice.connectors.flume;

import java.time.Duration;

/** Waits between send attempts; tests replace it so that they never sleep. */
@FunctionalInterface
interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

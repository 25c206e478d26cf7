package io.sluice.connectors.bluesky;

import java.time.Duration;

/**
 * How long to wait before reconnecting: at once after a connection that delivered events ends; after
 * failures exponentially, 1 s doubling up to 60 s. Not thread-safe: used by the receiver thread alone.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);

    private int failures;

    void connected() {
        failures = 0;
    }

    Duration afterFailure() {
        int shift = Math.min(failures++, 20);
        Duration d = FIRST.multipliedBy(1L << shift);
        return d.compareTo(MAX) <= 0 ? d : MAX;
    }
}

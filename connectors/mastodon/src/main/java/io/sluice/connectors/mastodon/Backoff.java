package io.sluice.connectors.mastodon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long to wait before reconnecting: at once after a connection that delivered data ends; after
 * failures exponentially, 1 s doubling up to 60 s; after HTTP 429 until {@code X-RateLimit-Reset}
 * (else a minute). Not thread-safe: used by the receiver thread alone.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);
    static final Duration RATE_LIMITED = Duration.ofMinutes(1);

    private int failures;

    void connected() {
        failures = 0;
    }

    Duration afterFailure() {
        int shift = Math.min(failures++, 20);
        Duration d = FIRST.multipliedBy(1L << shift);
        return d.compareTo(MAX) <= 0 ? d : MAX;
    }

    Duration afterRateLimit(Optional<Instant> reset, long nowMillis) {
        failures++;
        if (reset.isEmpty()) {
            return RATE_LIMITED;
        }
        long wait = reset.get().toEpochMilli() - nowMillis;
        return Duration.ofMillis(Math.max(0, Math.min(wait, Duration.ofMinutes(16).toMillis())));
    }
}

package io.sluice.connectors.x;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How long to wait before the next connection attempt, as X asks of filtered-stream clients: after a
 * connection that delivered data drops, reconnect at once; after network errors back off linearly
 * (250 ms more each attempt, at most 16 s); after HTTP errors back off exponentially (5 s, doubling,
 * at most 320 s); after HTTP 429 wait until {@code x-rate-limit-reset}, or without that header back off
 * exponentially from one minute. Not thread-safe: used by the receiver thread alone.
 */
final class ReconnectPolicy {
    static final Duration NETWORK_STEP = Duration.ofMillis(250);
    static final Duration NETWORK_MAX = Duration.ofSeconds(16);
    static final Duration HTTP_FIRST = Duration.ofSeconds(5);
    static final Duration HTTP_MAX = Duration.ofSeconds(320);
    static final Duration RATE_LIMIT_FIRST = Duration.ofMinutes(1);
    /** X's rate-limit windows are 15 minutes long: never wait longer than one window and a minute. */
    static final Duration RATE_LIMIT_MAX = Duration.ofMinutes(16);

    private int networkFailures;
    private int httpFailures;
    private int rateLimits;

    /** A connection delivered data: the next failure starts backing off from the beginning. */
    void connected() {
        networkFailures = 0;
        httpFailures = 0;
        rateLimits = 0;
    }

    Duration afterNetworkError() {
        networkFailures++;
        return min(NETWORK_STEP.multipliedBy(networkFailures), NETWORK_MAX);
    }

    Duration afterHttpError() {
        return doubling(HTTP_FIRST, ++httpFailures, HTTP_MAX);
    }

    /**
     * @param resetEpochSecond the {@code x-rate-limit-reset} header, when X sent one
     * @param nowMillis        the current time on the receiver's clock
     */
    Duration afterRateLimit(OptionalLong resetEpochSecond, long nowMillis) {
        rateLimits++;
        if (resetEpochSecond.isPresent()) {
            long wait = resetEpochSecond.getAsLong() * 1000 - nowMillis;
            return min(Duration.ofMillis(Math.max(wait, 0)), RATE_LIMIT_MAX);
        }
        return doubling(RATE_LIMIT_FIRST, rateLimits, RATE_LIMIT_MAX);
    }

    private static Duration doubling(Duration first, int attempt, Duration max) {
        int shift = Math.min(attempt - 1, 20);
        return min(first.multipliedBy(1L << shift), max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

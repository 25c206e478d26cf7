package io.sluice.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff();

    @Test
    void failuresDoubleFromOneSecondUpToAMinuteAndAConnectionResetsThem() {
        Duration[] delays = new Duration[8];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = backoff.afterFailure();
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        backoff.connected();
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitsWaitUntilTheResetOrAMinute() {
        long now = 1_732_390_000_000L;
        assertThat(backoff.afterRateLimit(Optional.of(Instant.ofEpochMilli(now + 42_000)), now))
                .isEqualTo(Duration.ofSeconds(42));
        assertThat(backoff.afterRateLimit(Optional.empty(), now)).isEqualTo(Duration.ofMinutes(1));
    }
}

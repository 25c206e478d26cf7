package io.sluice.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final ReconnectPolicy policy = new ReconnectPolicy();

    @Test
    void networkErrorsBackOffLinearlyBy250MillisUpTo16Seconds() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            delays.add(policy.afterNetworkError());
        }
        assertThat(delays.subList(0, 3)).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750));
        assertThat(delays.get(63)).isEqualTo(Duration.ofSeconds(16));
        assertThat(delays.get(69)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void httpErrorsBackOffExponentiallyFrom5SecondsUpTo320Seconds() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            delays.add(policy.afterHttpError());
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 320L, 320L);
    }

    @Test
    void rateLimitsWaitUntilTheResetHeaderOrBackOffFromAMinute() {
        long now = 1_732_390_000_000L;
        assertThat(policy.afterRateLimit(OptionalLong.of(now / 1000 + 90), now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(policy.afterRateLimit(OptionalLong.of(now / 1000 - 5), now)).isEqualTo(Duration.ZERO);

        ReconnectPolicy noHeader = new ReconnectPolicy();
        assertThat(noHeader.afterRateLimit(OptionalLong.empty(), now)).isEqualTo(Duration.ofMinutes(1));
        assertThat(noHeader.afterRateLimit(OptionalLong.empty(), now)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aConnectionThatDeliveredDataStartsTheBackoffAgain() {
        policy.afterHttpError();
        policy.afterHttpError();
        policy.afterNetworkError();
        policy.connected();
        assertThat(policy.afterHttpError()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.afterNetworkError()).isEqualTo(Duration.ofMillis(250));
    }
}

package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void retriesRetriableFailuresFoundAnywhereInTheCauseChainUpToTheAttemptLimit() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100));
        Throwable wrapped = new SluiceException("write failed", new RetriableException("broker down"));

        assertThat(policy.shouldRetry(wrapped, 1)).isTrue();
        assertThat(policy.shouldRetry(wrapped, 2)).isTrue();
        assertThat(policy.shouldRetry(wrapped, 3)).isFalse();
        assertThat(policy.shouldRetry(new IllegalStateException("bug"), 1)).isFalse();
    }

    @Test
    void backoffDoublesPerAttempt() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100));
        assertThat(policy.backoffMillis(1)).isEqualTo(100);
        assertThat(policy.backoffMillis(2)).isEqualTo(200);
        assertThat(policy.backoffMillis(3)).isEqualTo(400);
    }
}

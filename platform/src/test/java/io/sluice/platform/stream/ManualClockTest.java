package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void advancingWakesThreadsWaitingForAReachedTime() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        Thread waiter = new Thread(() -> {
            try {
                clock.waitUntil(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.WAITING);

        clock.advance(Duration.ofSeconds(1));
        assertThat(clock.millis()).isEqualTo(2_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.WAITING);
        assertThat(waiter.isAlive()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        waiter.join(Duration.ofSeconds(10).toMillis());
        assertThat(waiter.isAlive()).isFalse();
    }

    @Test
    void waitingForThePastReturnsAtOnce() throws Exception {
        ManualClock clock = new ManualClock(5_000);
        clock.waitUntil(4_000);
        clock.waitUntil(5_000);
        assertThat(clock.millis()).isEqualTo(5_000);
    }

    @Test
    void timeDoesNotGoBack() {
        assertThatThrownBy(() -> new ManualClock().advance(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJavaClockViewReadsTheEngineClock() {
        ManualClock clock = new ManualClock(42_000);
        java.time.Clock view = clock.asJavaClock();
        clock.advance(Duration.ofMillis(5));
        assertThat(view.millis()).isEqualTo(42_005);
        assertThat(view.instant()).isEqualTo(Instant.ofEpochMilli(42_005));
    }
}

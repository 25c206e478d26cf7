package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StoreGateTest {

    @Test
    void closeInterruptsACallBlockedInsideAndWaitsForItToLeave() throws Exception {
        StoreGate gate = new StoreGate();
        CountDownLatch neverOpened = new CountDownLatch(1);
        CompletableFuture<String> call = new CompletableFuture<>();
        Thread rpc = new Thread(() -> {
            if (!gate.enter()) {
                call.complete("refused");
                return;
            }
            try {
                neverOpened.await();     // like a store blocked by backpressure
                call.complete("stored");
            } catch (InterruptedException e) {
                call.complete("interrupted");
            } finally {
                gate.exit();
            }
            call.obtrudeValue(call.join() + (Thread.currentThread().isInterrupted() ? ", flag kept" : ", flag cleared"));
        });
        rpc.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> rpc.getState() == Thread.State.WAITING);

        int cutShort = gate.close(30_000);

        assertThat(cutShort).isEqualTo(1);
        rpc.join(30_000);
        assertThat(call.join()).isEqualTo("interrupted, flag cleared");
        assertThat(gate.enter()).isFalse();
        assertThat(gate.closed()).isTrue();
    }

    @Test
    void anOpenGateLetsCallsInAndOutWithoutTouchingTheirInterruptFlag() {
        StoreGate gate = new StoreGate();

        assertThat(gate.enter()).isTrue();
        Thread.currentThread().interrupt();
        gate.exit();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(gate.close(0)).isZero();
    }
}

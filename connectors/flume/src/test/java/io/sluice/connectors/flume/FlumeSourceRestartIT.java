package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.Record;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.FlumeException;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.Test;

/**
 * Sluice stopped mid-stream: the sender (the SDK's client, resending what was not acknowledged, as
 * an agent's avro sink does from its channel) gets failures while Sluice is down, resends after the
 * restart, and every event it sent arrives at least once.
 */
class FlumeSourceRestartIT {
    private static final int BATCH = 50;
    private static final int MIN_BATCHES = 40;

    /** Sends numbered batches until told to finish, each one again until it is acknowledged. */
    static final class Sender implements Runnable {
        final AtomicInteger acknowledgedBatches = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicBoolean mayFinish = new AtomicBoolean();
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        private final int port;
        private RpcClient client;

        Sender(int port) {
            this.port = port;
        }

        @Override
        public void run() {
            try {
                int batch = 0;
                while (batch < MIN_BATCHES || !mayFinish.get()) {
                    int current = batch;
                    await().atMost(SluicePipeline.DEADLINE).pollInterval(Duration.ofMillis(50))
                            .until(() -> trySend(current));
                    acknowledgedBatches.incrementAndGet();
                    batch++;
                }
                done.complete(batch);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                if (client != null) {
                    client.close();
                }
            }
        }

        private boolean trySend(int batch) {
            try {
                if (client == null || !client.isActive()) {
                    if (client != null) {
                        client.close();
                    }
                    client = null;
                    client = RpcClientFactory.getDefaultInstance("127.0.0.1", port, BATCH);
                }
                client.appendBatch(FlumeEvents.numbered("restart", batch * BATCH, (batch + 1) * BATCH));
                return true;
            } catch (EventDeliveryException | FlumeException e) {
                failures.incrementAndGet();
                return false;
            }
        }
    }

    @Test
    void everyEventSentAcrossAStopAndRestartArrivesAtLeastOnce() throws Exception {
        SluicePipeline first = SluicePipeline.start(Map.of("bind", "127.0.0.1", "port", 0));
        int port = first.port();
        Sender sender = new Sender(port);
        Thread thread = new Thread(sender, "flume-restart-sender");
        SluicePipeline second = null;
        try {
            thread.start();
            await().atMost(SluicePipeline.DEADLINE).until(() -> sender.acknowledgedBatches.get() >= 5);

            first.close();                                   // mid-stream, graceful
            await().atMost(SluicePipeline.DEADLINE).until(() -> sender.failures.get() > 0);

            second = SluicePipeline.start(Map.of("bind", "127.0.0.1", "port", port));
            sender.mayFinish.set(true);
            int batches = sender.done.get();

            List<String> expected = FlumeEvents.ids("restart", 0, batches * BATCH);
            SluicePipeline restarted = second;
            await().atMost(SluicePipeline.DEADLINE).until(() -> received(first, restarted).containsAll(expected));
            assertThat(received(first, restarted)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(first.records).isNotEmpty();
            assertThat(second.records).isNotEmpty();
        } finally {
            thread.join(Duration.ofSeconds(60).toMillis());
            if (second != null) {
                second.close();
            }
        }
    }

    private static Set<String> received(SluicePipeline... pipelines) {
        Set<String> ids = new HashSet<>();
        for (SluicePipeline p : pipelines) {
            for (Record r : p.records) {
                ids.add(r.headers().get("id"));
            }
        }
        return ids;
    }
}

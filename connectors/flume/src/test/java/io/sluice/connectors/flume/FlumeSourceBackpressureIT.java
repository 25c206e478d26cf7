package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.flume.EventDeliveryException;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.Test;

/**
 * A pipeline that falls behind: a call that cannot be taken within max-store-wait is answered
 * FAILED (nothing taken), and the same events sent again once the pipeline caught up arrive once.
 */
class FlumeSourceBackpressureIT {

    @Test
    void aCallTheOverloadedPipelineCannotTakeInTimeFailsAndSucceedsWhenSentAgain() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        try (SluicePipeline sluice = SluicePipeline.start(b -> b.receiverMaxPendingRecords(10),
                Map.of("bind", "127.0.0.1", "port", 0, "max-store-wait", "200ms"))) {
            sluice.holdProcessing.set(hold);
            RpcClient client = RpcClientFactory.getDefaultInstance("127.0.0.1", sluice.port(), 10);
            try {
                client.appendBatch(FlumeEvents.numbered("first", 0, 10));        // fills what the pipeline may hold
                assertThatThrownBy(() -> client.appendBatch(FlumeEvents.numbered("second", 0, 5)))
                        .isInstanceOf(EventDeliveryException.class);
            } finally {
                client.close();
            }
            assertThat(sluice.context.metrics()).containsEntry("flume-0.calls_timed_out_in_backpressure", 1.0);

            hold.countDown();                                                  // the pipeline catches up
            RpcClient again = RpcClientFactory.getDefaultInstance("127.0.0.1", sluice.port(), 10);
            try {
                again.appendBatch(FlumeEvents.numbered("second", 0, 5));
            } finally {
                again.close();
            }
            sluice.awaitRecords(15);
            assertThat(sluice.payloads()).containsExactlyInAnyOrderElementsOf(
                    concat(FlumeEvents.ids("first", 0, 10), FlumeEvents.ids("second", 0, 5)));
        } finally {
            hold.countDown();
        }
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

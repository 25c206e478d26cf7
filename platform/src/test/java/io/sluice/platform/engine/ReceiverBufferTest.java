package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReceiverBufferTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static List<Record> records(int n) {
        List<Record> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Record.of(Map.of("i", (long) i)));
        }
        return list;
    }

    private static Thread storeInBackground(ReceiverBuffer buffer, int n, AtomicReference<Throwable> outcome) {
        Thread t = new Thread(() -> {
            try {
                buffer.store(records(n));
                outcome.set(new Throwable("accepted"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void recordsCountAgainstTheBoundFromStoreUntilTheirBatchIsReleased() throws Exception {
        ReceiverBuffer buffer = new ReceiverBuffer("in", 4);
        buffer.store(records(3));
        assertThat(buffer.pending()).isEqualTo(3);

        List<Record> block = buffer.drain().records();
        assertThat(block).hasSize(3);
        assertThat(buffer.pending()).isZero();

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread blocked = storeInBackground(buffer, 2, outcome);   // 3 in flight + 2 > 4
        await().atMost(DEADLINE).until(() -> blocked.getState() == Thread.State.WAITING);
        assertThat(outcome.get()).isNull();

        buffer.release(block.size());
        blocked.join(DEADLINE.toMillis());
        assertThat(outcome.get()).hasMessage("accepted");
        assertThat(buffer.drain().records()).hasSize(2);
    }

    @Test
    void aStoreLargerThanTheBoundIsAcceptedWhenNothingIsOutstanding() throws Exception {
        ReceiverBuffer buffer = new ReceiverBuffer("in", 2);
        buffer.store(records(5));
        assertThat(buffer.drain().records()).hasSize(5);
    }

    @Test
    void closingRejectsNewAndBlockedStoresButKeepsWhatWasAccepted() throws Exception {
        ReceiverBuffer buffer = new ReceiverBuffer("in", 1);
        buffer.store(records(1));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread blocked = storeInBackground(buffer, 1, outcome);
        await().atMost(DEADLINE).until(() -> blocked.getState() == Thread.State.WAITING);

        buffer.close();
        blocked.join(DEADLINE.toMillis());

        assertThat(outcome.get()).isInstanceOf(RetriableException.class).hasMessageContaining("'in' is stopping");
        assertThatThrownBy(() -> buffer.store(records(1))).isInstanceOf(RetriableException.class);
        assertThat(buffer.closed()).isTrue();
        assertThat(buffer.drain().records()).hasSize(1);
    }
}

package io.sluice.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.platform.durability.StorageException;
import io.sluice.platform.durability.codec.RecordBlockCodec;
import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.durability.log.EntryConsumer;
import io.sluice.platform.durability.wal.FileWriteAheadLog;
import io.sluice.platform.durability.wal.WalOptions;
import io.sluice.platform.durability.wal.WriteAheadLog;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static ReceiverLog walIn(Path dir) {
        return new ReceiverLog(FileWriteAheadLog.open(dir, WalOptions.defaults()),
                new RecordBlockCodec(ValueCodec.standard()));
    }

    @Test
    void withAWriteAheadLogBlocksAreContiguousDurableRangesThatReadBackAsTheRecords(@TempDir Path dir)
            throws Exception {
        try (ReceiverLog log = walIn(dir)) {
            ReceiverBuffer buffer = new ReceiverBuffer("in", 1_000, log, 0);
            buffer.store(records(2));
            CompletableFuture<Void> durable = buffer.storeAsync(records(3));
            durable.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

            ReceivedBlock block = buffer.drain();
            assertThat(block.records()).hasSize(5);
            assertThat(block.fromSequence()).isZero();
            assertThat(block.toSequence()).isEqualTo(2);
            assertThat(log.read(block.fromSequence(), block.toSequence())).isEqualTo(block.records());

            buffer.store(records(1));
            ReceivedBlock next = buffer.drain();
            assertThat(next.fromSequence()).isEqualTo(2);
            assertThat(next.toSequence()).isEqualTo(3);
            buffer.close();
            buffer.finishAcknowledgements(DEADLINE.toMillis());
        }
    }

    @Test
    void aWriteAheadLogThatCannotWriteFailsTheStoresAndTheNextBatchNamingTheSource() throws Exception {
        StorageException diskFull = new StorageException("cannot write segment 00000000000000000000.seg at offset "
                + "4096: No space left on device");
        ReceiverLog failing = new ReceiverLog(new FailingLog(diskFull), new RecordBlockCodec(ValueCodec.standard()));
        ReceiverBuffer buffer = new ReceiverBuffer("mqtt-in", 1_000, failing, 0);

        assertThatThrownBy(() -> buffer.store(records(1))).isSameAs(diskFull);
        assertThatThrownBy(() -> buffer.storeAsync(records(1))).isInstanceOf(SluiceException.class)
                .hasMessageContaining("'mqtt-in' cannot accept records").hasMessageContaining("No space left");
        assertThatThrownBy(buffer::drain).isInstanceOf(SluiceException.class)
                .hasMessageContaining("mqtt-in").hasMessageContaining("No space left on device");
    }

    @Test
    void anAsynchronousStoreCompletesExceptionallyWhenItsEntryCannotBeMadeDurable() throws Exception {
        StorageException diskFull = new StorageException("No space left on device");
        ReceiverBuffer buffer = new ReceiverBuffer("in", 1_000,
                new ReceiverLog(new FailingLog(diskFull), new RecordBlockCodec(ValueCodec.standard())), 0);
        CompletableFuture<Void> durable = buffer.storeAsync(records(1));
        assertThatThrownBy(() -> durable.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCause(diskFull);
        assertThatThrownBy(buffer::drain).as("no batch is cut from a log that failed")
                .isInstanceOf(SluiceException.class).hasMessageContaining("No space left on device");
    }

    /** A log whose writes all fail, as on a full disk: appends are queued, never durable. */
    private static final class FailingLog implements WriteAheadLog {
        private final StorageException failure;
        private long next;

        FailingLog(StorageException failure) {
            this.failure = failure;
        }

        @Override
        public synchronized long append(byte[] entry) {
            return next++;
        }

        @Override
        public void awaitDurable(long sequence) {
            throw failure;
        }

        @Override
        public long durableSequence() {
            return 0;
        }

        @Override
        public synchronized long nextSequence() {
            return next;
        }

        @Override
        public void read(long from, long to, EntryConsumer consumer) {
            throw failure;
        }

        @Override
        public void deleteBefore(long sequence) {
        }

        @Override
        public void close() {
        }
    }
}


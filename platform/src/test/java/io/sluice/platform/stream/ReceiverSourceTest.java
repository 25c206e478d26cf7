package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import io.sluice.spi.source.ReceiverSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReceiverSourceTest {

    /** A receiver whose records the test pushes itself, through the context it was started with. */
    static final class PushedSource implements ReceiverSource {
        final AtomicReference<ReceiverContext> started = new AtomicReference<>();
        final AtomicInteger stopped = new AtomicInteger();

        @Override
        public Receiver createReceiver(ComponentContext context) {
            return new Receiver() {
                @Override
                public void start(ReceiverContext ctx) {
                    started.set(ctx);
                }

                @Override
                public void stop() {
                    stopped.incrementAndGet();
                }
            };
        }

        void store(String... values) throws InterruptedException {
            started.get().store(records(values));
        }
    }

    static List<Record> records(String... values) {
        List<Record> records = new ArrayList<>();
        for (String v : values) {
            records.add(Record.of(Map.of("v", v)));
        }
        return records;
    }

    private static CompletableFuture<Void> storeInBackground(PushedSource source, List<Thread> threads,
            String... values) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                source.store(values);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        threads.add(t);
        t.start();
        return done;
    }

    @Test
    void storedRecordsGoToTheNextBatchAndStoreBlocksWhileTooManyAreUnprocessed() throws Exception {
        PushedSource source = new PushedSource();
        List<List<String>> out = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(2).shufflePartitions(2).receiverMaxPendingRecords(5))) {
            p.ctx.source("pushed", source)
                    .foreachBatch((batch, records) -> out.add(records.stream().map(r -> r.getString("v")).toList()));
            p.ctx.start();
            assertThat(source.started.get().componentName()).isEqualTo("pushed");

            source.store("a", "b", "c");
            assertThat(p.nextBatch().recordsIn()).isEqualTo(3);

            source.store("d", "e", "f", "g", "h");
            CompletableFuture<Void> blocked = storeInBackground(source, threads, "i");
            await().atMost(TestPipeline.DEADLINE).until(() -> threads.get(0).getState() == Thread.State.WAITING);
            assertThat(blocked).isNotDone();

            assertThat(p.nextBatch().recordsIn()).isEqualTo(5);   // processing releases the five ...
            blocked.get();                                        // ... so the sixth is accepted
            assertThat(p.nextBatch().recordsIn()).isEqualTo(1);
            assertThat(p.nextBatch().recordsIn()).isZero();
        }
        assertThat(out).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f", "g", "h"), List.of("i"), List.of());
    }

    @Test
    void aGracefulStopProcessesWhatWasStoredThenRejectsStores() throws Exception {
        PushedSource source = new PushedSource();
        List<List<String>> out = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(1, 1)) {
            p.ctx.source("pushed", source)
                    .foreachBatch((batch, records) -> out.add(records.stream().map(r -> r.getString("v")).toList()));
            p.ctx.start();
            source.store("a");
            p.nextBatch();
            source.store("b", "c");

            p.ctx.stop(true);

            assertThat(p.ctx.state()).isEqualTo(StreamingContext.State.STOPPED);
            assertThat(out).containsExactly(List.of("a"), List.of("b", "c"));
            assertThat(p.reports).extracting(BatchReport::batchId).containsExactly(1L, 2L);
            assertThat(source.stopped).hasValue(1);
            assertThat(source.started.get().stopping()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.store("d"))
                    .isInstanceOf(RetriableException.class).hasMessageContaining("stopping");
        }
    }

    @Test
    void aStoreBlockedByBackpressureIsRejectedWhenTheContextStops() throws Exception {
        PushedSource source = new PushedSource();
        List<Thread> threads = new ArrayList<>();
        try (TestPipeline p = new TestPipeline(b -> b.parallelism(1).shufflePartitions(1).receiverMaxPendingRecords(1))) {
            p.ctx.source("pushed", source).foreachBatch((batch, records) -> { });
            p.ctx.start();
            source.store("a");
            CompletableFuture<Void> blocked = storeInBackground(source, threads, "b");
            await().atMost(TestPipeline.DEADLINE).until(() -> threads.get(0).getState() == Thread.State.WAITING);

            p.ctx.stop(false);

            ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                    blocked::get);
            assertThat(e.getCause()).isInstanceOf(RetriableException.class);
            assertThat(p.reports).isEmpty();
        }
    }
}

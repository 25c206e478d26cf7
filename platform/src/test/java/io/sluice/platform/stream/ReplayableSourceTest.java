package io.sluice.platform.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayableSourceTest {

    /** Numbers {@code [start, end)}. */
    record Range(long start, long end) {
    }

    /** Plans {@code perBatch} numbers per batch in {@code splits} ranges, up to {@code limit}. */
    static class NumberSource implements ReplayableSource<Range> {
        final long perBatch;
        final int splits;
        final long limit;
        final List<String> planningThreads = new CopyOnWriteArrayList<>();
        final List<Long> plannedBatches = new CopyOnWriteArrayList<>();
        final List<Long> completedBatches = new CopyOnWriteArrayList<>();
        final List<String> readingThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();

        NumberSource(long perBatch, int splits, long limit) {
            this.perBatch = perBatch;
            this.splits = splits;
            this.limit = limit;
        }

        @Override
        public SplitCodec<Range> splitCodec() {
            return new SplitCodec<>() {
                @Override
                public int version() {
                    return 1;
                }

                @Override
                public byte[] encode(Range r) {
                    return ByteBuffer.allocate(16).putLong(r.start()).putLong(r.end()).array();
                }

                @Override
                public Range decode(int version, byte[] bytes) {
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    return new Range(b.getLong(), b.getLong());
                }
            };
        }

        @Override
        public SplitPlanner<Range> createPlanner(ComponentContext context) {
            return new SplitPlanner<>() {
                private long next;

                @Override
                public List<Range> plan(BatchInfo batch, long maxRecords) {
                    planningThreads.add(Thread.currentThread().getName());
                    plannedBatches.add(batch.id());
                    long end = Math.min(limit, next + perBatch);
                    List<Range> ranges = new ArrayList<>();
                    for (int s = 0; s < splits && next < end; s++) {
                        long to = next + (end - next + (splits - s) - 1) / (splits - s);
                        ranges.add(new Range(next, to));
                        next = to;
                    }
                    return ranges;
                }

                @Override
                public byte[] position() {
                    return ByteBuffer.allocate(8).putLong(next).array();
                }

                @Override
                public void restore(byte[] position) {
                    next = ByteBuffer.wrap(position).getLong();
                }

                @Override
                public void batchCompleted(BatchInfo batch) {
                    completedBatches.add(batch.id());
                }

                @Override
                public boolean exhausted() {
                    return next >= limit;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public SplitReader<Range> createReader(ComponentContext context) {
            return new SplitReader<>() {
                @Override
                public void read(Range split, Emitter out) {
                    readingThreads.add(Thread.currentThread().getName());
                    for (long n = split.start(); n < split.end(); n++) {
                        out.emit(Record.builder().field("n", n).position("numbers@" + n).build());
                    }
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    @Test
    void plansOnTheRunnerReadsSplitsInParallelAndStopsWhenExhausted() throws Exception {
        NumberSource source = new NumberSource(10, 3, 45);
        List<List<List<Long>>> partitionsPerBatch = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(2, 4)) {
            p.ctx.source("numbers", source)
                    .mapPartitions(part -> List.of(part.stream().map(r -> r.getLong("n")).toList()))
                    .foreachBatch((batch, parts) -> partitionsPerBatch.add(List.copyOf(parts)));
            p.ctx.start();
            p.runUntilStopped(10);
            p.ctx.awaitTermination();

            assertThat(p.reports).extracting(BatchReport::recordsIn).containsExactly(10L, 10L, 10L, 10L, 5L);
        }
        assertThat(source.plannedBatches).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(source.completedBatches).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(source.planningThreads).allMatch(t -> t.endsWith("-runner"));
        assertThat(source.readingThreads).hasSize(15).allMatch(t -> t.contains("-worker-"));
        assertThat(source.closed).hasValue(2);
        assertThat(partitionsPerBatch.get(0)).containsExactly(
                List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L, 8L, 9L));
        assertThat(partitionsPerBatch.get(4)).containsExactly(List.of(40L, 41L), List.of(42L, 43L), List.of(44L));
        List<Long> all = partitionsPerBatch.stream().flatMap(List::stream).flatMap(List::stream).toList();
        assertThat(all).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 45).boxed().toList());
    }

    @Test
    void aBadRecordExceptionEscapingTheReaderIsReportedAndTheOtherSplitsAreRead() {
        NumberSource source = new NumberSource(6, 3, 6) {
            @Override
            public SplitReader<Range> createReader(ComponentContext context) {
                SplitReader<Range> numbers = super.createReader(context);
                return (split, out) -> {
                    if (split.start() == 2) {
                        throw new io.sluice.spi.BadRecordException("split starting at 2 is corrupt");
                    }
                    numbers.read(split, out);
                };
            }
        };
        List<Long> out = new CopyOnWriteArrayList<>();
        try (TestPipeline p = new TestPipeline(2, 2)) {
            p.ctx.source("numbers", source).foreachBatch((b, records) -> records.forEach(r -> out.add(r.getLong("n"))));
            p.ctx.start();
            p.runUntilStopped(3);

            assertThat(out).containsExactly(0L, 1L, 4L, 5L);
            assertThat(p.badRecords).singleElement().satisfies(bad -> {
                assertThat(bad.component()).isEqualTo("numbers");
                assertThat(bad.origin()).contains("Range[start=2, end=4]");
                assertThat(bad.cause()).hasMessage("split starting at 2 is corrupt");
            });
        }
    }
}

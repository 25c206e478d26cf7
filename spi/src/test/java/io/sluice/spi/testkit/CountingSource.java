package io.sluice.spi.testkit;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kit's own fixture: a source of the numbers 0, 1, 2, ... as {@code text} records, ten per batch
 * in two splits, bounded or not; and, to prove the contract suites can fail, each way of breaking a
 * rule ({@link Fault}).
 */
final class CountingSource implements ReplayableSource<CountingSource.Range> {
    /** One way of breaking the replayable-source contract. */
    enum Fault { NONE, READS_DIFFER, IGNORES_RESTORE, ACCEPTS_ANY_VERSION, NEVER_EXHAUSTED }

    record Range(long start, long end) {
    }

    private static final int PER_BATCH = 10;
    private final long limit;
    private final Fault fault;

    CountingSource(long limit, Fault fault) {
        this.limit = limit;
        this.fault = fault;
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
                if (version != 1 && fault != Fault.ACCEPTS_ANY_VERSION) {
                    throw new SluiceException("counting split version " + version + " is unknown");
                }
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
                long end = Math.min(limit, next + Math.min(PER_BATCH, maxRecords));
                if (end <= next) {
                    return List.of();
                }
                long mid = (next + end) / 2;
                List<Range> splits = mid == next ? List.of(new Range(next, end)) : List.of(new Range(next, mid), new Range(mid, end));
                next = end;
                return splits;
            }

            @Override
            public byte[] position() {
                return ByteBuffer.allocate(12).putInt(1).putLong(next).array();
            }

            @Override
            public void restore(byte[] position) {
                if (position.length != 12 || ByteBuffer.wrap(position).getInt() != 1) {
                    throw new SluiceException("counting position is not version 1");
                }
                if (fault != Fault.IGNORES_RESTORE) {
                    next = ByteBuffer.wrap(position).getLong(4);
                }
            }

            @Override
            public boolean exhausted() {
                return fault != Fault.NEVER_EXHAUSTED && next >= limit;
            }
        };
    }

    @Override
    public SplitReader<Range> createReader(ComponentContext context) {
        AtomicLong reads = new AtomicLong();
        return (Range split, Emitter out) -> {
            long salt = fault == Fault.READS_DIFFER ? reads.incrementAndGet() : 0;
            for (long n = split.start(); n < split.end(); n++) {
                out.emit(Record.builder().field(TextRecordFormat.FIELD, Long.toString(n + salt)).build());
            }
        };
    }
}

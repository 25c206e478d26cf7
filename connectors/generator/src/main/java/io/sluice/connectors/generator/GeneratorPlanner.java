package io.sluice.connectors.generator;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.SluiceException;
import io.sluice.spi.source.SplitPlanner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans each batch as contiguous event ranges, cut into up to {@code splits} nearly equal parts. The
 * position is the next event number (version 1: a version int and a long).
 */
final class GeneratorPlanner implements SplitPlanner<EventRange> {
    static final int POSITION_VERSION = 1;
    private static final int POSITION_LENGTH = Integer.BYTES + Long.BYTES;

    private final long end;
    private final boolean bounded;
    private final BatchSize batchSize;
    private final int splits;
    private long next;

    GeneratorPlanner(GeneratorConfig config) {
        this.next = config.start();
        this.end = config.end();
        this.bounded = config.limit().isPresent();
        this.batchSize = config.batchSize();
        this.splits = config.splits();
    }

    @Override
    public List<EventRange> plan(BatchInfo batch, long maxRecords) {
        long count = Math.min(Math.min(batchSize.eventsFor(batch), maxRecords), end - next);
        if (count <= 0) {
            return List.of();
        }
        List<EventRange> ranges = cut(next, count, splits);
        next += count;
        return ranges;
    }

    /** {@code count} events from {@code from}, in at most {@code parts} ranges whose sizes differ by at most one. */
    static List<EventRange> cut(long from, long count, int parts) {
        int n = (int) Math.min(parts, count);
        List<EventRange> ranges = new ArrayList<>(n);
        long base = count / n;
        long extra = count % n;
        long start = from;
        for (int i = 0; i < n; i++) {
            long size = base + (i < extra ? 1 : 0);
            ranges.add(new EventRange(start, start + size));
            start += size;
        }
        return ranges;
    }

    @Override
    public byte[] position() {
        return ByteBuffer.allocate(POSITION_LENGTH).putInt(POSITION_VERSION).putLong(next).array();
    }

    @Override
    public void restore(byte[] position) {
        if (position.length < Integer.BYTES) {
            throw new SluiceException("generator position is corrupt: " + position.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(position);
        int version = b.getInt();
        if (version != POSITION_VERSION) {
            throw new SluiceException("generator position version " + version + " is unknown (this generator reads version "
                    + POSITION_VERSION + ")");
        }
        if (position.length != POSITION_LENGTH) {
            throw new SluiceException("generator position is corrupt: " + position.length + " bytes, expected " + POSITION_LENGTH);
        }
        long restored = b.getLong();
        if (restored < 0) {
            throw new SluiceException("generator position is corrupt: next event " + restored);
        }
        next = restored;
    }

    @Override
    public boolean exhausted() {
        return bounded && next >= end;
    }

    /** The number of the next event to plan. */
    long next() {
        return next;
    }
}

package io.sluice.connectors.generator;

import io.sluice.spi.SluiceException;
import io.sluice.spi.source.SplitCodec;
import java.nio.ByteBuffer;

/** Version 1: the range's start and end as two big-endian longs. */
final class EventRangeCodec implements SplitCodec<EventRange> {
    static final int VERSION = 1;
    private static final int LENGTH = 16;

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public byte[] encode(EventRange split) {
        return ByteBuffer.allocate(LENGTH).putLong(split.start()).putLong(split.end()).array();
    }

    @Override
    public EventRange decode(int version, byte[] bytes) {
        if (version != VERSION) {
            throw new SluiceException("generator split version " + version + " is unknown (this generator reads version "
                    + VERSION + "); was the batch log written by a newer Sluice?");
        }
        if (bytes.length != LENGTH) {
            throw new SluiceException("generator split is corrupt: " + bytes.length + " bytes, expected " + LENGTH);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long start = b.getLong();
        long end = b.getLong();
        if (start < 0 || end < start) {
            throw new SluiceException("generator split is corrupt: range [" + start + ", " + end + ")");
        }
        return new EventRange(start, end);
    }
}

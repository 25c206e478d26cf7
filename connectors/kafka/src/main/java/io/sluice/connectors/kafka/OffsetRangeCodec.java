package io.sluice.connectors.kafka;

import io.sluice.spi.SluiceException;
import io.sluice.spi.source.SplitCodec;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Version 1: the topic (int length + UTF-8), the partition (int), then from and until (longs). */
final class OffsetRangeCodec implements SplitCodec<OffsetRange> {
    static final int VERSION = 1;

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public byte[] encode(OffsetRange split) {
        byte[] topic = split.topic().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 * Integer.BYTES + topic.length + 2 * Long.BYTES)
                .putInt(topic.length).put(topic).putInt(split.partition())
                .putLong(split.from()).putLong(split.until())
                .array();
    }

    @Override
    public OffsetRange decode(int version, byte[] bytes) {
        if (version != VERSION) {
            throw new SluiceException("kafka split version " + version + " is unknown (this kafka source reads version "
                    + VERSION + "); was the batch log written by a newer Sluice?");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte[] topic = new byte[b.getInt()];
            b.get(topic);
            OffsetRange split = new OffsetRange(new String(topic, StandardCharsets.UTF_8), b.getInt(), b.getLong(), b.getLong());
            if (b.hasRemaining()) {
                throw new SluiceException("kafka split is corrupt: " + b.remaining() + " bytes left over");
            }
            return split;
        } catch (BufferUnderflowException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new SluiceException("kafka split is corrupt (" + bytes.length + " bytes)", e);
        }
    }
}

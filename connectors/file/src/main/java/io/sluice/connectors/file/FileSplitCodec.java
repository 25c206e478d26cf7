package io.sluice.connectors.file;

import io.sluice.spi.SluiceException;
import io.sluice.spi.source.SplitCodec;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Version 1: the path (int length + UTF-8), then start, end and first line as longs. */
final class FileSplitCodec implements SplitCodec<FileSplit> {
    static final int VERSION = 1;

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public byte[] encode(FileSplit split) {
        byte[] path = split.path().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES + path.length + 3 * Long.BYTES)
                .putInt(path.length).put(path)
                .putLong(split.start()).putLong(split.end()).putLong(split.firstLine())
                .array();
    }

    @Override
    public FileSplit decode(int version, byte[] bytes) {
        if (version != VERSION) {
            throw new SluiceException("file split version " + version + " is unknown (this file source reads version "
                    + VERSION + "); was the batch log written by a newer Sluice?");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte[] path = new byte[b.getInt()];
            b.get(path);
            FileSplit split = new FileSplit(new String(path, StandardCharsets.UTF_8), b.getLong(), b.getLong(), b.getLong());
            if (b.hasRemaining()) {
                throw new SluiceException("file split is corrupt: " + b.remaining() + " bytes left over");
            }
            return split;
        } catch (BufferUnderflowException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new SluiceException("file split is corrupt (" + bytes.length + " bytes)", e);
        }
    }
}

package io.sluice.connectors.file;

import io.sluice.spi.SluiceException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file source's position: for each file seen, how far it has been planned (an offset just past
 * a line break) and the number of the next line. Encoded as version 1: an int version, an int count,
 * then per file (sorted by path) the path (int length + UTF-8), the offset and the next line.
 * Not thread-safe: owned by the planner.
 */
final class FileOffsets {
    static final int VERSION = 1;

    /** Where planning of one file continues. */
    record Offset(long offset, long nextLine) {
        static final Offset START = new Offset(0, 1);
    }

    private final TreeMap<String, Offset> byPath = new TreeMap<>();

    Offset get(String path) {
        return byPath.getOrDefault(path, Offset.START);
    }

    void put(String path, Offset offset) {
        byPath.put(path, offset);
    }

    Map<String, Offset> asMap() {
        return java.util.Collections.unmodifiableMap(byPath);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 64 * byPath.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(byPath.size());
            for (Map.Entry<String, Offset> e : byPath.entrySet()) {
                byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(path.length);
                out.write(path);
                out.writeLong(e.getValue().offset());
                out.writeLong(e.getValue().nextLine());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws SluiceException if the version is unknown or the bytes are corrupt
     */
    static FileOffsets decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int version = b.getInt();
            if (version != VERSION) {
                throw new SluiceException("file source position version " + version
                        + " is unknown (this file source reads version " + VERSION + ")");
            }
            FileOffsets offsets = new FileOffsets();
            int count = b.getInt();
            for (int i = 0; i < count; i++) {
                byte[] path = new byte[b.getInt()];
                b.get(path);
                offsets.put(new String(path, StandardCharsets.UTF_8), new Offset(b.getLong(), b.getLong()));
            }
            if (b.hasRemaining()) {
                throw new SluiceException("file source position is corrupt: " + b.remaining() + " bytes left over");
            }
            return offsets;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new SluiceException("file source position is corrupt (" + bytes.length + " bytes)", e);
        }
    }
}

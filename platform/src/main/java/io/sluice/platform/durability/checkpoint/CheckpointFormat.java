package io.sluice.platform.durability.checkpoint;

import io.sluice.platform.durability.StorageException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A checkpoint file: magic {@code SLCK}, {@code int} format version, {@code long} batch id,
 * {@code int} payload length, {@code int} CRC32C (over the 20 bytes before it and the payload), the
 * payload.
 */
final class CheckpointFormat {
    static final int MAGIC = 0x534C434B; // "SLCK"
    static final int VERSION = 1;
    static final int HEADER_SIZE = 24;
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{20})\\.ckpt");

    private CheckpointFormat() {}

    static String fileName(long batchId) {
        return String.format("checkpoint-%020d.ckpt", batchId);
    }

    /** The batch id a checkpoint file's name declares, or -1 if it is not a checkpoint file. */
    static long batchIdOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    static ByteBuffer header(long batchId, byte[] payload) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).putInt(MAGIC).putInt(VERSION).putLong(batchId)
                .putInt(payload.length);
        header.putInt(checksum(header.array(), payload));
        return header.flip();
    }

    private static int checksum(byte[] header, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(header, 0, HEADER_SIZE - 4);
        crc.update(payload);
        return (int) crc.getValue();
    }

    /**
     * Decodes a whole checkpoint file's bytes.
     *
     * @throws CorruptCheckpointException if it is truncated, damaged or misnamed
     * @throws StorageException if it was written by a newer Sluice
     */
    static StoredCheckpoint decode(byte[] bytes, Path file) {
        if (bytes.length < HEADER_SIZE) {
            throw new CorruptCheckpointException("checkpoint " + file + " is truncated: " + bytes.length
                    + " bytes, shorter than its " + HEADER_SIZE + "-byte header (offset 0)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt(0) != MAGIC) {
            throw new CorruptCheckpointException("checkpoint " + file + " is not a Sluice checkpoint: bad magic at offset 0");
        }
        int version = in.getInt(4);
        if (version > VERSION || version < 1) {
            throw new StorageException("checkpoint " + file + " has format version " + version + " at offset 4;"
                    + " this Sluice reads checkpoint format versions up to " + VERSION);
        }
        long batchId = in.getLong(8);
        int length = in.getInt(16);
        if (length != bytes.length - HEADER_SIZE) {
            throw new CorruptCheckpointException("checkpoint " + file + " is truncated: its header (offset 16) says "
                    + length + " payload bytes, the file has " + (bytes.length - HEADER_SIZE));
        }
        byte[] payload = new byte[length];
        in.get(HEADER_SIZE, payload);
        if (checksum(bytes, payload) != in.getInt(20)) {
            throw new CorruptCheckpointException("checkpoint " + file + " fails its CRC32C check (stored at offset 20)");
        }
        if (batchId != batchIdOf(file)) {
            throw new CorruptCheckpointException("checkpoint " + file + " holds batch " + batchId
                    + " (offset 8), not the batch its name says");
        }
        return new StoredCheckpoint(batchId, payload, file);
    }

    /** A checkpoint file that is damaged: the store skips it for an older one. */
    static final class CorruptCheckpointException extends StorageException {
        private static final long serialVersionUID = 1L;

        CorruptCheckpointException(String message) {
            super(message);
        }
    }
}

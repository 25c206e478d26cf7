package io.sluice.platform.durability.batchlog;

import io.sluice.platform.durability.StorageException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One entry of the batch log: {@code byte kind} (1 = batch logged, 2 = batch completed),
 * {@code long batchId}, then for a logged batch its description. The segment header carries the
 * format version.
 */
record BatchLogEntry(boolean completion, long batchId, byte[] description) {
    private static final byte LOGGED = 1;
    private static final byte COMPLETED = 2;
    private static final int HEADER = 9;

    static byte[] logged(long batchId, byte[] description) {
        return ByteBuffer.allocate(HEADER + description.length).put(LOGGED).putLong(batchId).put(description).array();
    }

    static byte[] completed(long batchId) {
        return ByteBuffer.allocate(HEADER).put(COMPLETED).putLong(batchId).array();
    }

    static BatchLogEntry decode(byte[] entry, long sequence, Object where) {
        if (entry.length < HEADER || (entry[0] != LOGGED && entry[0] != COMPLETED)
                || (entry[0] == COMPLETED && entry.length != HEADER)) {
            throw new StorageException("batch log entry " + sequence + " in " + where
                    + " is not a batch log entry (" + entry.length + " bytes, kind " + (entry.length > 0 ? entry[0] : -1)
                    + ")");
        }
        long batchId = ByteBuffer.wrap(entry, 1, 8).getLong();
        return new BatchLogEntry(entry[0] == COMPLETED, batchId, Arrays.copyOfRange(entry, HEADER, entry.length));
    }
}

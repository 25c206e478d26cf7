package io.sluice.platform.durability.log;

import io.sluice.platform.durability.StorageException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/** The on-disk layout of a segment: file name, header, frame header and checksum. */
final class SegmentFormat {
    static final int MAGIC = 0x534C4345; // "SLCE"
    static final int VERSION = 1;
    static final int HEADER_SIZE = 16; // magic, version, first sequence
    static final int FRAME_HEADER_SIZE = 8; // length, CRC32C
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

    private SegmentFormat() {}

    static String fileName(long firstSequence) {
        return String.format("%020d.seg", firstSequence);
    }

    /** The first sequence a segment file's name declares, or -1 if it is not a segment file. */
    static long firstSequenceOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    static ByteBuffer header(long firstSequence) {
        return ByteBuffer.allocate(HEADER_SIZE).putInt(MAGIC).putInt(VERSION).putLong(firstSequence).flip();
    }

    /** Checks a header read from {@code file}, which its name says starts at {@code firstSequence}. */
    static void checkHeader(ByteBuffer header, Path file, long firstSequence) {
        int magic = header.getInt(0);
        if (magic != MAGIC) {
            throw new StorageException("segment " + file + " is not a Sluice log segment: bad magic at offset 0");
        }
        int version = header.getInt(4);
        if (version < 1 || version > VERSION) {
            throw new StorageException("segment " + file + " has format version " + version + " at offset 4;"
                    + " this Sluice reads log format versions up to " + VERSION);
        }
        long declared = header.getLong(8);
        if (declared != firstSequence) {
            throw new StorageException("segment " + file + " declares first sequence " + declared
                    + " at offset 8 but its name says " + firstSequence);
        }
    }

    /**
     * Whether a header that fails {@link #checkHeader} is one a crash tore while the segment was being
     * created: a prefix of the header it should have, padded with zeros.
     */
    static boolean isTornHeader(ByteBuffer header, long firstSequence) {
        ByteBuffer expected = header(firstSequence);
        int i = 0;
        while (i < HEADER_SIZE && header.get(i) == expected.get(i)) {
            i++;
        }
        if (i == HEADER_SIZE) {
            return false;
        }
        while (i < HEADER_SIZE && header.get(i) == 0) {
            i++;
        }
        return i == HEADER_SIZE;
    }

    /** CRC32C over the four big-endian length bytes and the payload. */
    static int checksum(CRC32C crc, byte[] payload) {
        crc.reset();
        int length = payload.length;
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(payload, 0, length);
        return (int) crc.getValue();
    }
}

package io.sluice.connectors.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans the new bytes of a file for line breaks: cuts them into splits of about {@code maxSplitBytes}
 * at line boundaries, counts lines, and stops after the last complete line (a last line without its
 * {@code \n} is left for a later batch).
 *
 * @param splits the splits, in file order
 * @param next   where planning continues: just past the last line break, and the next line's number
 */
record LineScan(List<FileSplit> splits, FileOffsets.Offset next) {
    private static final int BUFFER = 64 * 1024;

    static LineScan of(String path, FileChannel channel, FileOffsets.Offset from, long size, long maxSplitBytes) throws IOException {
        List<FileSplit> splits = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long splitStart = from.offset();
        long splitFirstLine = from.nextLine();
        long line = from.nextLine();
        long lastLineEnd = from.offset();
        long pos = from.offset();
        while (pos < size) {
            buffer.clear();
            buffer.limit((int) Math.min(BUFFER, size - pos));
            int n = channel.read(buffer, pos);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    line++;
                    lastLineEnd = pos + i + 1;
                    if (lastLineEnd - splitStart >= maxSplitBytes) {
                        splits.add(new FileSplit(path, splitStart, lastLineEnd, splitFirstLine));
                        splitStart = lastLineEnd;
                        splitFirstLine = line;
                    }
                }
            }
            pos += n;
        }
        if (lastLineEnd > splitStart) {
            splits.add(new FileSplit(path, splitStart, lastLineEnd, splitFirstLine));
        }
        return new LineScan(splits, new FileOffsets.Offset(lastLineEnd, line));
    }
}

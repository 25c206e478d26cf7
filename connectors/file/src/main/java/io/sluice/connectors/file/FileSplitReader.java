package io.sluice.connectors.file;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.Emitter;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.SplitReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of a split and decodes each with the configured format. A line that does not
 * decode goes to the error reporter as {@code <file>:<line>} and reading goes on. A trailing
 * {@code \r} is dropped; empty lines are skipped in the json format and are empty records in text.
 * Records carry {@code <file>:<line>} as their position. Stateless: one reader serves all workers.
 */
final class FileSplitReader implements SplitReader<FileSplit> {
    private static final int BUFFER = 64 * 1024;

    private final RecordFormat format;
    private final boolean skipEmptyLines;
    private final ErrorReporter errors;

    FileSplitReader(RecordFormat format, boolean skipEmptyLines, ErrorReporter errors) {
        this.format = format;
        this.skipEmptyLines = skipEmptyLines;
        this.errors = errors;
    }

    @Override
    public void read(FileSplit split, Emitter out) {
        try (FileChannel channel = FileChannel.open(Path.of(split.path()), StandardOpenOption.READ)) {
            if (channel.size() < split.end()) {
                throw new ConnectorException("file " + split.path() + " is shorter (" + channel.size()
                        + " bytes) than a recorded split " + split + ": it was truncated or replaced, the batch cannot be read again");
            }
            readLines(split, channel, out);
        } catch (NoSuchFileException e) {
            throw new ConnectorException("file " + split.path() + " of a recorded split is gone: the batch cannot be read again", e);
        } catch (IOException e) {
            throw new RetriableException("cannot read " + split + ": " + e.getMessage(), e);
        }
    }

    private void readLines(FileSplit split, FileChannel channel, Emitter out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, split.end() - split.start())));
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long lineNumber = split.firstLine();
        long pos = split.start();
        while (pos < split.end()) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), split.end() - pos));
            int n = channel.read(buffer, pos);
            if (n < 0) {
                throw new ConnectorException("file " + split.path() + " ended at " + pos + " inside split " + split);
            }
            byte[] bytes = buffer.array();
            int lineStart = 0;
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, lineStart, i - lineStart);
                    emitLine(split.path(), lineNumber++, line.toByteArray(), out);
                    line.reset();
                    lineStart = i + 1;
                }
            }
            line.write(bytes, lineStart, n - lineStart);
            pos += n;
        }
    }

    private void emitLine(String path, long lineNumber, byte[] bytes, Emitter out) {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (length == 0 && skipEmptyLines) {
            return;
        }
        byte[] content = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        String origin = path + ":" + lineNumber;
        Record record;
        try {
            record = format.decode(content);
        } catch (BadRecordException e) {
            errors.reportRaw(origin, content, e);
            return;
        }
        out.emit(record.toBuilder().position(origin).build());
    }
}

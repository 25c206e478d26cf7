package io.sluice.connectors.file;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.SplitPlanner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans each batch as the complete lines added since the last batch, in every selected file (new
 * files from their start). Files are expected to be append-only: one that shrinks stops the source,
 * because what was planned from it could no longer be read again. {@code maxRecords} is not honoured
 * (the planner counts bytes and lines, not records).
 */
final class FilePlanner implements SplitPlanner<FileSplit> {
    private final FileSelection selection;
    private final long maxSplitBytes;
    private FileOffsets offsets = new FileOffsets();

    FilePlanner(FileSelection selection, long maxSplitBytes) {
        this.selection = selection;
        this.maxSplitBytes = maxSplitBytes;
    }

    @Override
    public List<FileSplit> plan(BatchInfo batch, long maxRecords) {
        List<FileSplit> splits = new ArrayList<>();
        for (Path file : selection.list()) {
            String path = file.toString();
            FileOffsets.Offset from = offsets.get(path);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size < from.offset()) {
                    throw new ConnectorException("file " + path + " shrank from " + from.offset() + " to " + size
                            + " bytes; the file source needs append-only files (write new files instead of rewriting)");
                }
                if (size == from.offset()) {
                    continue;
                }
                LineScan scan = LineScan.of(path, channel, from, size, maxSplitBytes);
                splits.addAll(scan.splits());
                offsets.put(path, scan.next());
            } catch (NoSuchFileException e) {
                // Listed, then removed before it could be opened: nothing of it was planned, so nothing is lost.
                continue;
            } catch (IOException e) {
                throw new RetriableException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return splits;
    }

    @Override
    public byte[] position() {
        return offsets.encode();
    }

    @Override
    public void restore(byte[] position) {
        offsets = FileOffsets.decode(position);
    }
}

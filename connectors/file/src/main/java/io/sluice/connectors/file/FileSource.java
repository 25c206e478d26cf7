package io.sluice.connectors.file;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;

/** A configured file source: (file, start, end) splits, planned from per-file offsets. */
final class FileSource implements ReplayableSource<FileSplit> {
    private final String path;
    private final String format;
    private final long maxSplitBytes;

    FileSource(String path, String format, long maxSplitBytes) {
        this.path = path;
        this.format = format;
        this.maxSplitBytes = maxSplitBytes;
    }

    @Override
    public SplitCodec<FileSplit> splitCodec() {
        return new FileSplitCodec();
    }

    /**
     * @throws io.sluice.spi.ConnectorException if the directory to read does not exist
     */
    @Override
    public SplitPlanner<FileSplit> createPlanner(ComponentContext context) {
        return new FilePlanner(FileSelection.of(path), maxSplitBytes);
    }

    @Override
    public SplitReader<FileSplit> createReader(ComponentContext context) {
        return new FileSplitReader(context.format(format), FileSourceFactory.JSON.equals(format), context.errors());
    }
}

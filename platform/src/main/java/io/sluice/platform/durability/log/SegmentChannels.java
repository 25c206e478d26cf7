package io.sluice.platform.durability.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the channel a log writes a segment through. Production code uses {@link #DEFAULT}; tests
 * inject channels whose writes fail (a full disk) to check that nothing is reported durable that
 * was not written.
 *
 * <pre>{@code
 * SegmentChannels diskFull = (file, options) -> new FailingChannel(FileChannel.open(file, options));
 * }</pre>
 */
@FunctionalInterface
public interface SegmentChannels {
    SegmentChannels DEFAULT = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}

package io.sluice.platform.durability.log;

import static io.sluice.platform.durability.log.SegmentFormat.HEADER_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens a log directory: scans every segment in sequence order (see {@link SegmentScanner}), cuts
 * the last segment's torn tail, and hands the log its segments and the active one to append to.
 */
final class LogRecovery {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogRecovery.class);

    private final SegmentedLog target;

    LogRecovery(SegmentedLog target) {
        this.target = target;
    }

    void recover() throws IOException {
        Path dir = target.dir();
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> SegmentFormat.firstSequenceOf(p) >= 0)
                    .sorted(Comparator.comparingLong(SegmentFormat::firstSequenceOf))
                    .toList();
        }
        if (files.isEmpty()) {
            FileChannel channel = target.createSegment(0);
            Segment first = Segment.empty(dir.resolve(SegmentFormat.fileName(0)), 0);
            target.recoveredActive(first, channel, HEADER_SIZE, 0, RecoveryReport.clean());
            return;
        }
        long skippedEntries = 0;
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean last = i == files.size() - 1;
            long next = last ? -1 : SegmentFormat.firstSequenceOf(files.get(i + 1));
            SegmentScanner.Result scanned = SegmentScanner.scan(file, SegmentFormat.firstSequenceOf(file), next,
                    target.options().skipCorrupt());
            for (String message : scanned.skipped()) {
                log.warn("skipping {}", message);
            }
            skippedEntries += scanned.skippedEntries();
            skipped.addAll(scanned.skipped());
            if (last) {
                openActive(scanned, skippedEntries, skipped);
            } else {
                target.recovered(scanned.segment());
            }
        }
    }

    private void openActive(SegmentScanner.Result scanned, long skippedEntries, List<String> skipped)
            throws IOException {
        Path file = scanned.segment().file;
        FileChannel channel = target.channels().open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long end = scanned.validEnd();
            Optional<RecoveryReport.TornTail> torn = Optional.empty();
            if (end < size || end < HEADER_SIZE) {
                log.warn("cutting the torn tail of segment {} at offset {} ({} bytes)", file, end, size - end);
                torn = Optional.of(new RecoveryReport.TornTail(file, end, size - end));
                channel.truncate(end);
                if (end < HEADER_SIZE) {
                    ByteBuffer header = SegmentFormat.header(scanned.segment().firstSequence);
                    while (header.hasRemaining()) {
                        channel.write(header, header.position());
                    }
                    end = HEADER_SIZE;
                }
                channel.force(true);
            }
            channel.position(end);
            target.recoveredActive(scanned.segment(), channel, end, scanned.endSequence(),
                    new RecoveryReport(torn, skippedEntries, skipped));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}

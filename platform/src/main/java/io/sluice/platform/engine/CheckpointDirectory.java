package io.sluice.platform.engine;

import io.sluice.spi.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The layout of a checkpoint directory: what {@link Checkpointer} keeps there. */
public final class CheckpointDirectory {
    static final String BATCHES = "batches";
    static final String CHECKPOINTS = "checkpoints";
    /** Holds one write-ahead log per receiver source, named after it. */
    static final String WAL = "wal";
    /** The sub-directories Sluice writes. */
    static final List<String> PARTS = List.of(BATCHES, CHECKPOINTS, WAL);

    private CheckpointDirectory() {
    }

    /**
     * Deletes what Sluice keeps under {@code dir} (and nothing else), so the next run starts over.
     *
     * @throws SluiceException if something cannot be deleted
     */
    public static void clear(Path dir) {
        for (String part : PARTS) {
            Path path = dir.resolve(part);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new SluiceException("cannot clear checkpoint directory " + dir + ": " + e, e);
            }
        }
    }
}

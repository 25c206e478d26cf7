package io.sluice.platform.durability.checkpoint;

import io.sluice.platform.durability.StorageException;
import io.sluice.platform.durability.checkpoint.CheckpointFormat.CorruptCheckpointException;
import io.sluice.platform.durability.log.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Checkpoints as files in one directory, one per checkpointed batch, written with
 * {@link DurableFiles#writeAtomically}. Opening the store deletes temp files an interrupted write
 * left behind. Reading falls back past damaged newer checkpoints (each skipped with a warning)
 * but refuses one written in a newer format: silently restoring an older state would re-run
 * batches the newer Sluice already committed.
 *
 * <pre>{@code
 * FileCheckpointStore store = FileCheckpointStore.open(dir, 2);
 * }</pre>
 */
public final class FileCheckpointStore implements CheckpointStore {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileCheckpointStore.class);
    public static final int DEFAULT_RETAIN = 2;

    private final Path dir;
    private final int retain;

    private FileCheckpointStore(Path dir, int retain) {
        this.dir = dir;
        this.retain = retain;
    }

    /** Opens (creating if needed) the store in {@code dir}, keeping the newest {@code retain} checkpoints. */
    public static FileCheckpointStore open(Path dir, int retain) {
        if (retain < 1) {
            throw new IllegalArgumentException("retain must be at least 1, was " + retain);
        }
        FileCheckpointStore store = new FileCheckpointStore(dir, retain);
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path temp : files.filter(f -> f.getFileName().toString().endsWith(DurableFiles.TEMP_SUFFIX)).toList()) {
                    log.warn("deleting {}, left by a checkpoint write that did not finish", temp);
                    Files.delete(temp);
                }
            }
        } catch (IOException e) {
            throw new StorageException("opening the checkpoint store in " + dir + " failed: " + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public synchronized void write(long batchId, byte[] checkpoint) {
        if (batchId < 0) {
            throw new IllegalArgumentException("batch id must not be negative, was " + batchId);
        }
        Path file = dir.resolve(CheckpointFormat.fileName(batchId));
        DurableFiles.writeAtomically(file, CheckpointFormat.header(batchId, checkpoint), ByteBuffer.wrap(checkpoint));
        List<Path> newestFirst = checkpointFiles();
        for (Path old : newestFirst.subList(Math.min(retain, newestFirst.size()), newestFirst.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new StorageException("deleting old checkpoint " + old + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized Optional<StoredCheckpoint> latest() {
        for (Path file : checkpointFiles()) {
            try {
                return Optional.of(CheckpointFormat.decode(Files.readAllBytes(file), file));
            } catch (CorruptCheckpointException e) {
                log.warn("skipping checkpoint {}: {}", file, e.getMessage());
            } catch (IOException e) {
                throw new StorageException("reading checkpoint " + file + " failed: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized OptionalLong oldestRetained() {
        List<Path> newestFirst = checkpointFiles();
        return newestFirst.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(CheckpointFormat.batchIdOf(newestFirst.get(newestFirst.size() - 1)));
    }

    /** Checkpoint files, newest batch first. */
    private List<Path> checkpointFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> CheckpointFormat.batchIdOf(f) >= 0)
                    .sorted(Comparator.comparingLong(CheckpointFormat::batchIdOf).reversed())
                    .toList();
        } catch (IOException e) {
            throw new StorageException("listing checkpoints in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "checkpoint store in " + dir;
    }
}

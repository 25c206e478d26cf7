package io.sluice.platform.durability.log;

import io.sluice.platform.durability.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * File writes that survive a crash or power loss: the content is forced to disk before it becomes
 * visible under its final name, and the directory entry is forced too.
 *
 * <pre>{@code
 * DurableFiles.writeAtomically(dir.resolve("checkpoint-7.ckpt"), header, payload);
 * }</pre>
 */
public final class DurableFiles {
    /** Suffix of the temporary file {@link #writeAtomically} writes before renaming it. */
    public static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {}

    /**
     * Writes {@code content} to {@code target + ".tmp"}, forces it, renames it atomically to
     * {@code target} (replacing it) and forces the directory. A crash leaves either the old target
     * or the new one, and perhaps a temp file to clean up.
     */
    public static void writeAtomically(Path target, ByteBuffer... content) {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        long written = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (ByteBuffer part : content) {
                while (part.hasRemaining()) {
                    written += channel.write(part);
                }
            }
            channel.force(true);
        } catch (IOException e) {
            throw new StorageException("writing " + temp + " failed at offset " + written + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("renaming " + temp + " to " + target + " failed: " + e.getMessage(), e);
        }
        syncDirectory(target.getParent());
    }

    /** Forces a directory's entries (files created, renamed or deleted in it) to disk. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new StorageException("forcing directory " + dir + " to disk failed: " + e.getMessage(), e);
        }
    }
}

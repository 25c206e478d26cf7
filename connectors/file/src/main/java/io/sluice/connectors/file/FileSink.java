package io.sluice.connectors.file;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.sink.Sink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Writes each batch to {@code <dir>/<prefix>-<batch id>.<extension>}. Each partition is written to
 * its own hidden temporary file as it arrives (from concurrent workers); the commit concatenates them
 * in partition order into a hidden temporary file, fsyncs it and renames it into place. A batch run
 * again (after a crash, before or after its commit) writes the same name again: exactly-once output.
 * A batch without records writes no file. Records the format cannot encode go to the error reporter.
 */
final class FileSink implements Sink {
    private final Path dir;
    private final String prefix;
    private final String formatName;
    private final String extension;
    private final Map<Long, Map<Integer, Path>> pending = new ConcurrentHashMap<>();
    private RecordFormat format;
    private ErrorReporter errors;

    FileSink(Path dir, String prefix, String formatName, String extension) {
        this.dir = dir.toAbsolutePath().normalize();
        this.prefix = prefix;
        this.formatName = formatName;
        this.extension = extension;
    }

    /** The file batch {@code id} is published as. */
    Path fileOf(long batchId) {
        return dir.resolve(prefix + "-" + batchId + "." + extension);
    }

    @Override
    public void open(ComponentContext context) {
        this.format = context.format(formatName);
        this.errors = context.errors();
        try {
            Files.createDirectories(dir);
            deleteTemporaryFiles();
        } catch (IOException e) {
            throw new RetriableException("cannot prepare output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(BatchInfo batch, int partition, List<Record> records) {
        Map<Integer, Path> parts = pending.computeIfAbsent(batch.id(), id -> new ConcurrentSkipListMap<>());
        if (records.isEmpty()) {
            parts.remove(partition);
            return;
        }
        Path part = dir.resolve("." + prefix + "-" + batch.id() + ".part-" + partition + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024)) {
            for (Record r : records) {
                writeLine(r, out);
            }
        } catch (IOException e) {
            throw new RetriableException("cannot write " + part + ": " + e.getMessage(), e);
        }
        parts.put(partition, part);
    }

    private void writeLine(Record record, OutputStream out) throws IOException {
        byte[] line;
        try {
            line = format.encode(record);
        } catch (BadRecordException e) {
            errors.report(record, e);
            return;
        }
        out.write(line);
        out.write('\n');
    }

    @Override
    public void commit(BatchInfo batch) {
        Map<Integer, Path> parts = pending.remove(batch.id());
        if (parts == null || parts.isEmpty()) {
            return;
        }
        List<Path> ordered = new ArrayList<>(parts.values());
        Path target = fileOf(batch.id());
        try {
            AtomicFiles.concatenateAndPublish(ordered, dir.resolve("." + target.getFileName() + ".tmp"), target);
            for (Path part : ordered) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new RetriableException("cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pending.clear();
        try {
            deleteTemporaryFiles();
        } catch (IOException e) {
            throw new RetriableException("cannot remove temporary files from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes this sink's temporary files: left by a crash, or by batches that were never committed. */
    private void deleteTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "." + prefix + "-*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }
}

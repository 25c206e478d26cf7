package io.sluice.connectors.file;

import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: what a file sink has published, read back in batch order. */
final class SinkOutput {
    private SinkOutput() {
    }

    /** The visible (non-hidden) files of {@code dir}, by batch id. */
    static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparingLong(SinkOutput::batchId))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every published line, decoded, in batch order then file order. */
    static List<Record> records(Path dir, RecordFormat format) {
        List<Record> records = new ArrayList<>();
        for (Path file : files(dir)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    records.add(format.decode(line.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    private static long batchId(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('-') + 1, name.indexOf('.')));
    }
}

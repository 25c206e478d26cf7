package io.sluice.platform.engine;

import io.sluice.spi.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch log's entry for one batch, format version 1: the batch time, then per source its name
 * and the input it planned (splits and position, or a range of write-ahead-log entries), as the
 * source writes it. Sources are matched by name at restart.
 */
final class BatchDescriptions {
    static final int VERSION = 1;

    private BatchDescriptions() {
    }

    static byte[] write(long timeMillis, List<SourceNode<?>> sources, BatchInput input, Tick tick) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeLong(timeMillis);
            out.writeInt(sources.size());
            for (SourceNode<?> source : sources) {
                out.writeUTF(source.name());
                ByteArrayOutputStream sourceBytes = new ByteArrayOutputStream();
                try (DataOutputStream sourceOut = new DataOutputStream(sourceBytes)) {
                    writeInput(source, input, tick, sourceOut);
                }
                out.writeInt(sourceBytes.size());
                sourceBytes.writeTo(out);
            }
        } catch (IOException e) {
            throw new SluiceException("cannot describe batch " + tick.batchId() + " for the batch log: " + e, e);
        }
        return bytes.toByteArray();
    }

    private static <T> void writeInput(SourceNode<T> source, BatchInput input, Tick tick, DataOutputStream out)
            throws IOException {
        source.writeInput(input.of(source), tick, out);
    }

    /** A batch read back: its time and recorded input. */
    record Described(long timeMillis, BatchInput input) {
    }

    /**
     * Reads an entry, giving each source that still exists its recorded input; sources no longer in
     * the pipeline are skipped (their input of the batch is dropped, with the count returned).
     */
    static Described read(long batchId, byte[] description, List<SourceNode<?>> sources, List<String> dropped) {
        Map<String, SourceNode<?>> byName = new HashMap<>();
        sources.forEach(s -> byName.put(s.name(), s));
        BatchInput input = new BatchInput();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(description))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new SluiceException("batch " + batchId + " was logged in format version " + version
                        + "; this Sluice reads version " + VERSION);
            }
            long time = in.readLong();
            int count = DatasetFormat.nonNegative(in.readInt(), "source count");
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] sourceBytes = new byte[DatasetFormat.nonNegative(in.readInt(), "source input length")];
                in.readFully(sourceBytes);
                SourceNode<?> source = byName.get(name);
                if (source == null) {
                    dropped.add(name);
                    continue;
                }
                try (DataInputStream sourceIn = new DataInputStream(new ByteArrayInputStream(sourceBytes))) {
                    input.record(source, source.readInput(sourceIn));
                }
            }
            return new Described(time, input);
        } catch (IOException e) {
            throw new SluiceException("batch " + batchId + " in the batch log cannot be read: " + e, e);
        }
    }
}

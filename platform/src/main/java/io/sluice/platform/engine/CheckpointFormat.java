package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.BinaryOutput;
import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.spi.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint's content, format version 1: the batch it follows (id and time), each stateful
 * node's state as a section (name, kind, bytes), and each source's position (name, bytes).
 * Sections are length-prefixed so a reader can check them against the pipeline before decoding any.
 */
final class CheckpointFormat {
    static final int VERSION = 1;

    private CheckpointFormat() {
    }

    /** A checkpoint read back, its sections still encoded. */
    record Content(long batchId, long timeMillis, Map<String, Section> nodes, Map<String, byte[]> sources) {
    }

    record Section(String kind, byte[] state) {
    }

    static byte[] write(long batchId, long timeMillis, List<Node<?>> statefulNodes, List<SourceNode<?>> sources,
            ValueCodec values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeLong(batchId);
            out.writeLong(timeMillis);
            out.writeInt(statefulNodes.size());
            for (Node<?> node : statefulNodes) {
                NodeState state = node.state();
                out.writeUTF(node.name());
                out.writeUTF(Checkpointer.identity(node));
                BinaryOutput section = new BinaryOutput(1 << 16);   // values encode in place, not through streams
                try {
                    state.write(section, values);
                } catch (SluiceException e) {
                    throw new SluiceException("cannot checkpoint the state of '" + node.name() + "': "
                            + e.getMessage(), e);
                }
                out.writeInt(section.size());
                out.write(section.toByteArray());
            }
            out.writeInt(sources.size());
            for (SourceNode<?> source : sources) {
                out.writeUTF(source.name());
                ByteArrayOutputStream position = new ByteArrayOutputStream();
                try (DataOutputStream positionOut = new DataOutputStream(position)) {
                    source.writePosition(positionOut);
                }
                out.writeInt(position.size());
                position.writeTo(out);
            }
        } catch (IOException e) {
            throw new SluiceException("cannot write the checkpoint after batch " + batchId + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    static Content read(byte[] data, String file) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new SluiceException("checkpoint " + file + " has content format version " + version
                        + "; this Sluice reads version " + VERSION);
            }
            long batchId = in.readLong();
            long time = in.readLong();
            Map<String, Section> nodes = new LinkedHashMap<>();
            int nodeCount = DatasetFormat.nonNegative(in.readInt(), "node count");
            for (int i = 0; i < nodeCount; i++) {
                String name = in.readUTF();
                String kind = in.readUTF();
                nodes.put(name, new Section(kind, readBytes(in)));
            }
            Map<String, byte[]> sources = new LinkedHashMap<>();
            int sourceCount = DatasetFormat.nonNegative(in.readInt(), "source count");
            for (int i = 0; i < sourceCount; i++) {
                String name = in.readUTF();
                sources.put(name, readBytes(in));
            }
            return new Content(batchId, time, nodes, sources);
        } catch (IOException e) {
            throw new SluiceException("checkpoint " + file + " cannot be read: " + e, e);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = DatasetFormat.nonNegative(in.readInt(), "section length");
        if (length > in.available()) {
            throw new IOException("section of " + length + " bytes exceeds the " + in.available() + " left");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}

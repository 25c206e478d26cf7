package io.sluice.connectors.kafka;

import io.sluice.spi.SluiceException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The source's position: the next offset to plan for every partition seen. Immutable. Encoded as version 1:
 * an int version, an int count, then per partition (sorted by topic, then partition) the topic (int length +
 * UTF-8), the partition (int) and the next offset (long).
 */
final class PartitionOffsets {
    static final int VERSION = 1;
    static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);
    static final PartitionOffsets NONE = new PartitionOffsets(new TreeMap<>(ORDER));

    private final TreeMap<TopicPartition, Long> next;

    private PartitionOffsets(TreeMap<TopicPartition, Long> next) {
        this.next = next;
    }

    static PartitionOffsets of(Map<TopicPartition, Long> next) {
        TreeMap<TopicPartition, Long> copy = new TreeMap<>(ORDER);
        copy.putAll(next);
        return new PartitionOffsets(copy);
    }

    /** The next offsets, sorted by topic and partition. */
    Map<TopicPartition, Long> asMap() {
        return Collections.unmodifiableMap(next);
    }

    boolean contains(TopicPartition partition) {
        return next.containsKey(partition);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + 32 * next.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(next.size());
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                byte[] topic = e.getKey().topic().getBytes(StandardCharsets.UTF_8);
                out.writeInt(topic.length);
                out.write(topic);
                out.writeInt(e.getKey().partition());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws SluiceException if the version is unknown or the bytes are corrupt
     */
    static PartitionOffsets decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int version = b.getInt();
            if (version != VERSION) {
                throw new SluiceException("kafka source position version " + version
                        + " is unknown (this kafka source reads version " + VERSION + ")");
            }
            TreeMap<TopicPartition, Long> next = new TreeMap<>(ORDER);
            int count = b.getInt();
            for (int i = 0; i < count; i++) {
                byte[] topic = new byte[b.getInt()];
                b.get(topic);
                next.put(new TopicPartition(new String(topic, StandardCharsets.UTF_8), b.getInt()), b.getLong());
            }
            if (b.hasRemaining()) {
                throw new SluiceException("kafka source position is corrupt: " + b.remaining() + " bytes left over");
            }
            return new PartitionOffsets(next);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new SluiceException("kafka source position is corrupt (" + bytes.length + " bytes)", e);
        }
    }

    @Override
    public String toString() {
        return next.toString();
    }
}

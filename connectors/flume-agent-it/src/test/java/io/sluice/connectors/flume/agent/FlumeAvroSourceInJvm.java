package io.sluice.connectors.flume.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flume.Context;
import org.apache.flume.Event;
import org.apache.flume.Transaction;
import org.apache.flume.channel.ChannelProcessor;
import org.apache.flume.channel.MemoryChannel;
import org.apache.flume.channel.ReplicatingChannelSelector;
import org.apache.flume.conf.Configurables;
import org.apache.flume.source.AvroSource;

/**
 * Flume's own {@code avro} source (flume-ng-core) writing into a memory channel, in the test JVM:
 * what Sluice's flume sink talks to in production. A full channel makes the source answer
 * {@code FAILED}, as it does in an agent.
 */
final class FlumeAvroSourceInJvm implements AutoCloseable {
    final int port;
    private final int capacity;
    private final MemoryChannel channel = new MemoryChannel();
    private final AvroSource source = new AvroSource();

    /**
     * @param capacity      the channel's capacity: calls that do not fit are answered FAILED
     * @param sourceOptions more avro source properties, e.g. {@code compression-type: deflate}
     */
    FlumeAvroSourceInJvm(int capacity, Map<String, String> sourceOptions) throws IOException {
        this.capacity = capacity;
        channel.setName("mem");
        // keep-alive 0: a full channel refuses at once (by default a put waits 3 s for space first)
        Configurables.configure(channel, new Context(Map.of("capacity", Integer.toString(capacity),
                "transactionCapacity", Integer.toString(capacity), "keep-alive", "0")));
        channel.start();
        ReplicatingChannelSelector selector = new ReplicatingChannelSelector();
        selector.setChannels(List.of(channel));
        // AvroSource cannot tell which port it bound, so the OS picks a free one here first.
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Context context = new Context();
        context.put("bind", "127.0.0.1");
        context.put("port", Integer.toString(port));
        sourceOptions.forEach(context::put);
        source.setName("from-sluice");
        source.setChannelProcessor(new ChannelProcessor(selector));
        Configurables.configure(source, context);
        source.start();
    }

    /** Takes the events now in the channel (one transaction, at most its capacity); returns their bodies as text. */
    List<String> drain() {
        List<String> bodies = new ArrayList<>();
        Transaction tx = channel.getTransaction();
        tx.begin();
        try {
            for (int i = 0; i < capacity; i++) {
                Event e = channel.take();
                if (e == null) {
                    break;
                }
                bodies.add(new String(e.getBody(), StandardCharsets.UTF_8));
            }
            tx.commit();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        } finally {
            tx.close();
        }
        return bodies;
    }

    @Override
    public void close() {
        source.stop();
        channel.stop();
    }
}

package io.sluice.connectors.flume;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.ipc.netty.NettyServer;
import org.apache.avro.ipc.specific.SpecificResponder;
import org.apache.flume.source.avro.AvroFlumeEvent;
import org.apache.flume.source.avro.AvroSourceProtocol;
import org.apache.flume.source.avro.Status;

/**
 * A Flume avro source for tests: Avro's {@code NettyServer} with an {@code AvroSourceProtocol} that
 * keeps the events of every call it acknowledges, and can be told to answer {@code FAILED} (keeping
 * nothing) to the next calls. Closing takes a few seconds: share one per test class.
 */
final class RecordingFlumeSource implements AvroSourceProtocol, AutoCloseable {
    /** One received event. */
    record Received(String body, Map<String, String> headers) {
    }

    final List<Received> events = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final NettyServer server;

    RecordingFlumeSource() throws InterruptedException {
        server = new NettyServer(new SpecificResponder(AvroSourceProtocol.class, this),
                new InetSocketAddress("127.0.0.1", 0));
    }

    int port() {
        return server.getPort();
    }

    /** Answers the next {@code n} calls with {@code FAILED}. */
    void failNext(int n) {
        failNext.set(n);
    }

    List<String> bodies() {
        return events.stream().map(Received::body).toList();
    }

    @Override
    public Status append(AvroFlumeEvent event) {
        return appendBatch(List.of(event));
    }

    @Override
    public Status appendBatch(List<AvroFlumeEvent> batch) {
        calls.incrementAndGet();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Status.FAILED;
        }
        for (AvroFlumeEvent e : batch) {
            Map<String, String> headers = new LinkedHashMap<>();
            e.getHeaders().forEach((k, v) -> headers.put(k.toString(), v.toString()));
            ByteBuffer body = e.getBody().duplicate();
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            events.add(new Received(new String(bytes, StandardCharsets.UTF_8), headers));
        }
        return Status.OK;
    }

    @Override
    public void close() {
        server.close();
    }
}

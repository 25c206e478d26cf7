package io.sluice.connectors.flume;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ConnectorException;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.avro.ipc.netty.NettyServer;
import org.apache.avro.ipc.specific.SpecificResponder;
import org.apache.flume.source.avro.AvroSourceProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Avro RPC server of one flume source. {@link #start} binds and returns; Avro answers each call
 * on its own caller threads through {@link AvroSourceHandler}, which stores the events and only then
 * replies {@code OK}. {@link #stop} first refuses new calls and cuts blocked ones short (they reply
 * {@code FAILED}, so the sender keeps the events), then closes the server.
 */
final class FlumeReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(FlumeReceiver.class);
    /** Threads answering calls; a call blocked by backpressure holds one. */
    private static final int CALLER_THREADS = 8;
    /** How long stop waits for calls in progress to answer once they were interrupted. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final FlumeSourceSettings settings;
    private final String name;
    private final StoreGate gate = new StoreGate();
    private StoreDeadlines deadlines;
    private List<EventLoopGroup> groups = List.of();
    private NettyServer server;
    private volatile int port = -1;

    FlumeReceiver(FlumeSourceSettings settings, ComponentContext context) {
        this.settings = settings;
        this.name = context.componentName();
    }

    @Override
    public void start(ReceiverContext context) {
        SSLContext tls = settings.keyStore().map(TlsContexts::server).orElse(null);
        deadlines = new StoreDeadlines(settings.maxStoreWait(), name);
        AvroSourceHandler handler = new AvroSourceHandler(context, new FlumeEventDecoder(context, settings), gate,
                deadlines, settings.maxBatchSize());
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("flume-" + name + "-accept"),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("flume-" + name + "-io"),
                NioIoHandler.newFactory());
        // Avro runs each call on this group; the local transport's handler only runs tasks (no I/O).
        EventLoopGroup callers = new MultiThreadIoEventLoopGroup(CALLER_THREADS,
                new DefaultThreadFactory("flume-" + name + "-call"), LocalIoHandler.newFactory());
        groups = List.of(boss, workers, callers);
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        try {
            server = new NettyServer(new SpecificResponder(AvroSourceProtocol.class, handler), address,
                    new ServerChannelSetup(settings.deflate(), tls), bootstrap -> { }, boss, workers, callers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDownGroups();
            deadlines.close();
            throw new ConnectorException("interrupted while binding the flume source to " + address, e);
        } catch (Exception e) {
            // Netty rethrows the bind failure (a checked java.net.BindException) undeclared.
            shutDownGroups();
            deadlines.close();
            throw new ConnectorException("the flume source cannot listen on " + address + ": " + e.getMessage()
                    + " (is the port in use, or the bind address not on this host?)", e);
        }
        port = server.getPort();
        context.metrics().gauge("port", () -> port);
        log.info("flume source {} listening on {}:{} (format {}, compression {}, tls {})", name, settings.bind(), port,
                settings.format(), settings.deflate() ? "deflate" : "none", tls != null);
    }

    /** The bound port, once started. */
    OptionalInt boundPort() {
        int p = port;
        return p < 0 ? OptionalInt.empty() : OptionalInt.of(p);
    }

    @Override
    public void stop() {
        int cutShort = gate.close(STOP_WAIT_MILLIS);
        if (cutShort > 0) {
            log.info("flume source {} stopping: {} call(s) in progress answered FAILED", name, cutShort);
        }
        shutDownGroups();
        if (deadlines != null) {
            deadlines.close();
        }
        if (server != null) {
            server.close();
            log.info("flume source {} stopped listening on port {}", name, port);
        }
    }

    /** Netty's default graceful shutdown waits 2 s of quiet per group; nothing is left to finish here. */
    private void shutDownGroups() {
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().syncUninterruptibly();
        }
    }
}

package io.sluice.connectors.flume;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.compression.JZlibDecoder;
import io.netty.handler.codec.compression.JZlibEncoder;
import io.netty.handler.ssl.SslHandler;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The handlers in front of Avro's framing on each accepted connection, in the order Flume 1.11's
 * own avro source installs them (so a Flume avro sink with {@code compression-type: deflate} and/or
 * {@code ssl: true} interoperates byte for byte): zlib inflater and deflater first (level 6, as
 * Flume's source uses), then TLS.
 */
final class ServerChannelSetup implements Consumer<SocketChannel> {
    /** The compression level Flume's avro source answers with. */
    static final int DEFLATE_LEVEL = 6;

    private final boolean deflate;
    private final SSLContext tls;

    /** @param tls the server's TLS context, or {@code null} for plain TCP */
    ServerChannelSetup(boolean deflate, SSLContext tls) {
        this.deflate = deflate;
        this.tls = tls;
    }

    @Override
    public void accept(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (deflate) {
            pipeline.addFirst("deflater", new JZlibEncoder(DEFLATE_LEVEL));
            pipeline.addFirst("inflater", new JZlibDecoder(0));   // 0: buffer bounded by the allocator, as before
        }
        if (tls != null) {
            SSLEngine engine = tls.createSSLEngine();
            engine.setUseClientMode(false);
            pipeline.addLast("ssl", new SslHandler(engine));
        }
    }
}

package io.sluice.connectors.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A HiveMQ CE broker (MQTT 3.1.1 and 5) in the test JVM, listening on 127.0.0.1 at a port the OS chose,
 * without usage statistics, queueing up to a million messages per offline session (HiveMQ's default is
 * 1,000, then it drops) and accepting 65,535 unacknowledged publishes per client (default 10). In-memory
 * persistence by default; with file persistence its sessions and
 * queued messages survive {@link #restart()}.
 */
final class EmbeddedBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int webSocketPort;
    private final Optional<EmbeddedExtension> extension;
    private EmbeddedHiveMQ hivemq;

    private EmbeddedBroker(Path dir, int port, int webSocketPort, Optional<EmbeddedExtension> extension) {
        this.extension = extension;
        this.dir = dir;
        this.port = port;
        this.webSocketPort = webSocketPort;
    }

    static EmbeddedBroker start(Path dir, boolean filePersistence) {
        return start(dir, filePersistence, Optional.empty());
    }

    /** A broker running {@code extension} too (e.g. an authenticator). */
    static EmbeddedBroker start(Path dir, boolean filePersistence, Optional<EmbeddedExtension> extension) {
        try {
            int port = freePort();
            int webSocketPort = freePort();
            Path conf = Files.createDirectories(dir.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                        <websocket-listener>
                          <port>%d</port><bind-address>127.0.0.1</bind-address><path>/mqtt</path>
                        </websocket-listener>
                      </listeners>
                      <mqtt>
                        <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                        <receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum>
                      </mqtt>
                      <persistence><mode>%s</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port, webSocketPort, filePersistence ? "file" : "in-memory"));
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("extensions"));
            EmbeddedBroker broker = new EmbeddedBroker(dir, port, webSocketPort, extension);
            broker.startBroker();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The same broker over MQTT-over-WebSocket. */
    String webSocketUri() {
        return "ws://127.0.0.1:" + webSocketPort + "/mqtt";
    }

    /**
     * A new HiveMQ instance on the same folders and port: HiveMQ 2025.5 cannot start again an instance it
     * stopped (its metrics are registered twice), and a restarted broker process is a new instance anyway.
     */
    void startBroker() {
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(dir.resolve("conf"))
                .withDataFolder(dir.resolve("data"))
                .withExtensionsFolder(dir.resolve("extensions"));
        extension.ifPresent(builder::withEmbeddedExtension);
        hivemq = builder.build();
        join(hivemq.start());
    }

    void stopBroker() {
        try {
            hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded broker did not stop", e);
        }
    }

    void restart() {
        stopBroker();
        startBroker();
    }

    private static void join(java.util.concurrent.CompletableFuture<Void> future) {
        try {
            future.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded broker did not start or stop", e);
        }
    }

    @Override
    public void close() {
        stopBroker();
    }
}

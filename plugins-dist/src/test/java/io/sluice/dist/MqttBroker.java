package io.sluice.dist;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A HiveMQ CE broker (MQTT 3.1.1 and 5) in the test JVM for a pipeline run from the distribution: listening on
 * 127.0.0.1 at a free port, in-memory persistence, no usage statistics, queueing up to a million messages per
 * offline persistent session (HiveMQ's default, 1,000, would drop messages while the pipeline is down) and
 * accepting 65,535 unacknowledged publishes per client.
 *
 * <pre>{@code
 * try (MqttBroker broker = MqttBroker.start(dir)) {
 *     String uri = broker.uri();   // tcp://127.0.0.1:PORT
 * }
 * }</pre>
 */
final class MqttBroker implements AutoCloseable {
    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private MqttBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    static MqttBroker start(Path dir) throws Exception {
        int port = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                    <receive-maximum><server-receive-maximum>65535</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .build();
        hivemq.start().get(2, TimeUnit.MINUTES);
        return new MqttBroker(hivemq, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        hivemq.close();
    }
}

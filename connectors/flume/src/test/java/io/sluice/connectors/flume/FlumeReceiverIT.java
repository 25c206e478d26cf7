package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.testkit.TestComponentContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starting fails with a message that says what to change, and never shows the key store password. */
class FlumeReceiverIT {

    private static Receiver receiver(Map<String, Object> values, TestComponentContext context) {
        Config config = SluicePipeline.sourceConfig(values);
        return ((FlumeSource) new FlumeSourceFactory().create(config)).createReceiver(context);
    }

    @Test
    void aPortInUseIsAConnectorErrorNamingTheAddress() throws Exception {
        TestComponentContext base = TestComponentContext.builder().componentName("sources.agents").build();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Receiver receiver = receiver(Map.of("bind", "127.0.0.1", "port", taken.getLocalPort()), base);
            assertThatThrownBy(() -> receiver.start(new RecordingReceiverContext(base)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("cannot listen on /127.0.0.1:" + taken.getLocalPort());
            receiver.stop();
        }
    }

    @Test
    void anUnreadableKeyStoreIsAConnectorErrorNamingTheFileButNotThePassword() {
        TestComponentContext base = TestComponentContext.builder().componentName("sources.agents").build();
        Receiver receiver = receiver(Map.of("bind", "127.0.0.1", "port", 0, "ssl", true,
                "keystore", "/nonexistent/flume.p12", "keystore-password", "hunter2"), base);

        assertThatThrownBy(() -> receiver.start(new RecordingReceiverContext(base)))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("/nonexistent/flume.p12")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        receiver.stop();
    }
}

package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.sluice.spi.ConnectorException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that checks user names and passwords: the source logs in, and a refusal fails fast, saying why. */
class MqttAuthenticationIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PUBLISHER = "auth-it-publisher";
    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        EmbeddedExtension passwords = EmbeddedExtension.builder().withId("passwords").withName("passwords")
                .withVersion("1").withAuthor("sluice").withPriority(0).withStartPriority(1000)
                .withExtensionMain(new PasswordCheck()).build();
        broker = EmbeddedBroker.start(dir, false, Optional.of(passwords));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theRightCredentialsLogIn() throws Exception {
        Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "auth-ok",
                "username", "sluice", "password", "s3cret", "topics", Map.of("auth/#", "1"), "format", "text");
        try (ReceivingPipeline pipeline = new ReceivingPipeline("auth-ok", config).start();
             TestClient publisher = new TestClient(broker.uri(), PUBLISHER)) {
            publisher.publish("auth/1", "let in", 1);
            await().atMost(DEADLINE).until(() -> pipeline.records.size() == 1);
            assertThat(pipeline.payloadTexts()).containsExactly("let in");
        }
    }

    @Test
    void aWrongPasswordFailsTheStartWithAConnectorException() throws Exception {
        for (String protocol : List.of("5", "3.1.1")) {
            Map<String, Object> config = Map.of("servers", List.of(broker.uri()), "client-id", "auth-bad",
                    "protocol-version", protocol, "username", "sluice", "password", "wrong",
                    "topics", Map.of("auth/#", "1"));
            ReceivingPipeline pipeline = new ReceivingPipeline("auth-bad", config);
            assertThatThrownBy(pipeline::start)
                    .satisfies(e -> assertThat(causes(e)).anySatisfy(c -> assertThat(c)
                            .isInstanceOf(ConnectorException.class)
                            .hasMessageContaining("the broker refused")
                            .hasMessageContaining("credentials")));
            pipeline.close();
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Lets in user sluice with password s3cret, and the test's own publisher. */
    static final class PasswordCheck implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(provider -> (SimpleAuthenticator) (in, out) -> {
                String user = in.getConnectPacket().getUserName().orElse("");
                String password = in.getConnectPacket().getPassword().map(MqttAuthenticationIT::text).orElse("");
                if (in.getClientInformation().getClientId().equals(PUBLISHER)
                        || (user.equals("sluice") && password.equals("s3cret"))) {
                    out.authenticateSuccessfully();
                } else {
                    out.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong user name or password");
                }
            });
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        }
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }
}

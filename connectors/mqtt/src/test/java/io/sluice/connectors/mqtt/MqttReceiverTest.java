package io.sluice.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.ReceiverContext;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** When the receiver acknowledges: after store returned, or after a bad payload was reported; never otherwise. */
class MqttReceiverTest {
    private final TestComponentContext component = TestComponentContext.builder()
            .config(ReceivingPipeline.config(MqttSourceFactory.SPEC,
                    Map.of("servers", List.of("tcp://localhost:1883"), "topics", Map.of("#", "1"))))
            .build();
    private final RecordingConnection connection = new RecordingConnection();
    private final List<Record> stored = new ArrayList<>();
    private RuntimeException storeFailure;

    @Test
    void acknowledgesAfterStoreReturned() {
        MqttReceiver receiver = started(100);
        receiver.messageArrived(message("a/1", "hello", 1));
        assertThat(stored).extracting(r -> r.get("text")).containsExactly("hello");
        assertThat(connection.acknowledged).containsExactly(1);
    }

    @Test
    void neverAcknowledgesWhatStoreRefusedOrFailedOn() {
        MqttReceiver receiver = started(100);
        storeFailure = new RetriableException("stopping");
        receiver.messageArrived(message("a/1", "refused", 1));
        storeFailure = new SluiceException("broken");
        receiver.messageArrived(message("a/1", "failed", 2));
        assertThat(connection.acknowledged).isEmpty();
        assertThat(component.testMetrics().counter("messages_not_accepted").count()).isEqualTo(2);
    }

    @Test
    void reportsAndAcknowledgesAPayloadOverTheLimit() {
        MqttReceiver receiver = started(3);
        receiver.messageArrived(message("a/1", "too long", 7));
        assertThat(stored).isEmpty();
        assertThat(component.collectedErrors().raw()).singleElement()
                .satisfies(e -> assertThat(e.origin()).isEqualTo("a/1"))
                .satisfies(e -> assertThat(e.rawAsString()).isEqualTo("too long"));
        assertThat(connection.acknowledged).containsExactly(7);
    }

    @Test
    void afterStopNothingIsStoredOrAcknowledged() {
        MqttReceiver receiver = started(100);
        receiver.stop();
        receiver.messageArrived(message("a/1", "late", 3));
        assertThat(stored).isEmpty();
        assertThat(connection.acknowledged).isEmpty();
        assertThat(connection.closed).isTrue();
    }

    private MqttReceiver started(int maxPayloadBytes) {
        MessageDecoder decoder = new MessageDecoder(component.format("text"), maxPayloadBytes, Optional.empty());
        MqttReceiver receiver = new MqttReceiver(component, List.of(new Subscription("a/#", 1)), decoder,
                listener -> connection);
        receiver.start(new StoringContext());
        assertThat(connection.subscribed).containsExactly(new Subscription("a/#", 1));
        return receiver;
    }

    private static InboundMessage message(String topic, String payload, int id) {
        return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, false, id, Map.of());
    }

    /** A connection that records what the receiver asked of it. */
    private static final class RecordingConnection implements BrokerConnection {
        final List<Integer> acknowledged = new ArrayList<>();
        final List<Subscription> subscribed = new ArrayList<>();
        boolean closed;

        @Override
        public void connect() {
        }

        @Override
        public void subscribe(List<Subscription> subscriptions) {
            subscribed.addAll(subscriptions);
        }

        @Override
        public void subscribeAsync(List<Subscription> subscriptions) {
            subscribed.addAll(subscriptions);
        }

        @Override
        public boolean acknowledge(InboundMessage message) {
            acknowledged.add(message.id());
            return true;
        }

        @Override
        public CompletableFuture<Void> publish(OutboundMessage message) {
            throw new UnsupportedOperationException("a receiving connection does not publish");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The test's component context, storing into a list (or failing as the test says). */
    private final class StoringContext implements ReceiverContext {
        @Override
        public void store(List<Record> records) {
            if (storeFailure != null) {
                throw storeFailure;
            }
            stored.addAll(records);
        }

        @Override
        public boolean stopping() {
            return false;
        }

        @Override
        public String pipelineName() {
            return component.pipelineName();
        }

        @Override
        public String componentName() {
            return component.componentName();
        }

        @Override
        public Config config() {
            return component.config();
        }

        @Override
        public Clock clock() {
            return component.clock();
        }

        @Override
        public Metrics metrics() {
            return component.metrics();
        }

        @Override
        public ErrorReporter errors() {
            return component.errors();
        }

        @Override
        public RecordFormat format(String name) {
            return component.format(name);
        }
    }
}

package io.sluice.connectors.mqtt;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverContext;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the subscribed topics and hands each message to {@link ReceiverContext#store}; acknowledges it
 * to the broker only after {@code store} returned. A message {@code store} did not accept (the pipeline is
 * stopping) stays unacknowledged, and the broker delivers it again on the next connection of this client
 * id (persistent session). A payload that does not decode goes to the error reporter with its topic and
 * bytes and is then acknowledged: it is dead-lettered, not lost, and the stream goes on.
 *
 * <p>Runs on the MQTT client's callback thread, one message at a time: {@code store} blocking (the
 * pipeline is behind) stops reading from the broker, whose Receive Maximum then holds further messages.
 *
 * <p><b>Until the write-ahead log lands</b>, {@code store} accepts into memory: a message acknowledged to
 * the broker and not yet processed is lost if the Sluice process crashes.
 */
final class MqttReceiver implements Receiver, BrokerConnection.Listener {
    private static final Logger log = LoggerFactory.getLogger(MqttReceiver.class);

    private final List<Subscription> subscriptions;
    private final MessageDecoder decoder;
    private final Function<BrokerConnection.Listener, BrokerConnection> connections;
    private final Metrics.Counter arrived;
    private final Metrics.Counter received;
    private final Metrics.Counter bad;
    private final Metrics.Counter notAccepted;
    private volatile ReceiverContext context;
    private volatile BrokerConnection connection;
    private volatile boolean stopped;
    /** The callback thread while it is inside {@code store}, so {@link #stop} can interrupt a blocked store. */
    private volatile Thread storing;

    MqttReceiver(ComponentContext component, List<Subscription> subscriptions, MessageDecoder decoder,
                 Function<BrokerConnection.Listener, BrokerConnection> connections) {
        this.subscriptions = subscriptions;
        this.decoder = decoder;
        this.connections = connections;
        this.arrived = component.metrics().counter("messages_arrived");
        this.received = component.metrics().counter("messages_received");
        this.bad = component.metrics().counter("bad_messages");
        this.notAccepted = component.metrics().counter("messages_not_accepted");
    }

    @Override
    public void start(ReceiverContext receiverContext) {
        this.context = receiverContext;
        BrokerConnection opened = connections.apply(this);
        this.connection = opened;
        try {
            opened.connect();
            opened.subscribe(subscriptions);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        log.info("{}: subscribed to {}", receiverContext.componentName(), subscriptions);
    }

    @Override
    public void messageArrived(InboundMessage message) {
        arrived.increment();
        try {
            receive(message);
        } catch (RuntimeException e) {
            // Thrown into Paho, this would drop the connection; unacknowledged, the message comes back.
            notAccepted.increment();
            log.error("{}: the message on {} could not be handled; left unacknowledged for redelivery",
                    context.componentName(), message.topic(), e);
        }
    }

    private void receive(InboundMessage message) {
        ReceiverContext ctx = context;
        if (stopped || ctx.stopping()) {
            return;   // not acknowledged: the broker delivers it again to this session
        }
        Record record;
        try {
            record = decoder.decode(message, ctx.clock().millis());
        } catch (BadRecordException e) {
            ctx.errors().reportRaw(message.topic(), message.payload(), e);
            bad.increment();
            connection.acknowledge(message);
            return;
        }
        CompletionStage<Void> durable;
        BrokerConnection deliveredBy = connection;
        storing = Thread.currentThread();
        try {
            if (stopped) {
                return;
            }
            // Accepted now, acknowledged once durable: the client's callback thread goes on to the next
            // message meanwhile, so one write-ahead-log fsync covers many messages.
            durable = ctx.storeAsync(List.of(record));
        } catch (RetriableException e) {
            notAccepted.increment();
            log.debug("{}: message on {} not accepted ({}); left unacknowledged for redelivery",
                    ctx.componentName(), message.topic(), e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notAccepted.increment();
            return;
        } finally {
            storing = null;
        }
        durable.whenComplete((done, failure) -> {
            if (failure == null) {
                received.increment();
                deliveredBy.acknowledge(message);
            } else {
                notAccepted.increment();
                log.debug("{}: message on {} not made durable ({}); left unacknowledged for redelivery",
                        ctx.componentName(), message.topic(), failure.toString());
            }
        });
    }

    @Override
    public void reconnected() {
        if (!stopped) {
            // With a persistent session the broker kept the subscriptions; subscribing again is harmless and
            // restores them when the session had expired.
            connection.subscribeAsync(subscriptions);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        // A store blocked by backpressure would hold the client's callback thread, and disconnecting waits
        // for that thread: interrupt it; the message stays unacknowledged and comes back.
        Thread blocked = storing;
        if (blocked != null) {
            blocked.interrupt();
        }
        BrokerConnection open = connection;
        if (open != null) {
            open.close();
        }
    }
}

package io.sluice.spi.source;

import io.sluice.spi.ComponentContext;

/**
 * A source that data is pushed to (MQTT, Flume, social streams). The engine creates one
 * {@link Receiver}, starts it, and cuts whatever the receiver has stored into batches.
 *
 * <pre>{@code
 * final class MqttSource implements ReceiverSource {
 *     public Receiver createReceiver(ComponentContext ctx) { return new MqttReceiver(ctx); }
 * }
 * }</pre>
 */
public non-sealed interface ReceiverSource extends Source {
    Receiver createReceiver(ComponentContext context);
}

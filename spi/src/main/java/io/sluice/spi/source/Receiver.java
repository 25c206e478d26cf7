package io.sluice.spi.source;

/**
 * A long-running receiver. {@link #start} connects and returns; the receiver's own threads then
 * call {@link ReceiverContext#store} with what arrives, and acknowledge upstream only after
 * {@code store} returned. {@link #stop} is called once, from another thread, when the pipeline
 * stops.
 *
 * <pre>{@code
 * public void start(ReceiverContext ctx) {
 *     client.onMessage(msg -> {
 *         ctx.store(List.of(toRecord(msg)));   // blocks until accepted
 *         client.ack(msg);                      // only now
 *     });
 *     client.connect();
 * }
 * }</pre>
 */
public interface Receiver {
    /** Connects and starts receiving; returns promptly (receiving happens on the receiver's threads). */
    void start(ReceiverContext context);

    /**
     * Stops receiving: no {@code store} call may start after this returns. Unacknowledged input
     * stays upstream to be redelivered. The platform rejects {@code store} calls (waking any that
     * are blocked) before it calls this, so the receiver's own threads are free to finish.
     */
    void stop();
}

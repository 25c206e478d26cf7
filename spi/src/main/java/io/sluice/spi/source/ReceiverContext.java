package io.sluice.spi.source;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ComponentContext} with the one call that matters for a receiver: {@link #store}.
 *
 * <pre>{@code
 * ctx.store(records);   // returns: accepted, safe to ack
 * ack(upstreamIds);
 * }</pre>
 */
public interface ReceiverContext extends ComponentContext {
    /**
     * Hands records to the platform and returns once they are accepted: added to the next batch,
     * and — when the pipeline has a write-ahead log — durable. Only then may the receiver
     * acknowledge them upstream. Thread-safe. Blocks while the platform applies backpressure (too
     * many records accepted but not yet processed); a receiver that must answer its sender within a
     * deadline (e.g. Flume's request timeout) bounds the wait itself and refuses upstream.
     *
     * @throws io.sluice.spi.RetriableException when the pipeline is stopping — also thrown to a
     *         call blocked by backpressure at that moment: the records were <em>not</em> accepted;
     *         do not acknowledge them (reply FAILED, leave the message un-acked) so the sender
     *         retries
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void store(List<Record> records) throws InterruptedException;

    /**
     * As {@link #store}, but returns once the records are accepted into the next batches, with a
     * stage that completes when they are durable (at once when the pipeline has no write-ahead
     * log): acknowledge upstream when it completes, never before. A receiver that gets one message
     * at a time on one thread (an MQTT client's callback) keeps many messages in flight this way,
     * so that one fsync of the write-ahead log covers many of them instead of one each. Accepting
     * blocks and throws exactly as {@code store} does; the stage completes exceptionally if the
     * records could not be made durable (the log failed, or the pipeline stopped first): do not
     * acknowledge them then. Stages complete in the order the records were accepted, on a platform
     * thread: keep what runs there short.
     *
     * <pre>{@code
     * ctx.storeAsync(List.of(record)).thenRun(() -> connection.ack(message));
     * }</pre>
     *
     * <p>The default stores synchronously and returns a completed stage.
     */
    default CompletionStage<Void> storeAsync(List<Record> records) throws InterruptedException {
        store(records);
        return CompletableFuture.completedFuture(null);
    }

    /** Whether the pipeline is stopping; a receiver may use it to stop accepting new work early. */
    boolean stopping();
}

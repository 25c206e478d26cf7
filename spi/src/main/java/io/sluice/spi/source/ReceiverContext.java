package io.sluice.spi.source;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import java.util.List;

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

    /** Whether the pipeline is stopping; a receiver may use it to stop accepting new work early. */
    boolean stopping();
}

package io.sluice.platform.durability.wal;

import io.sluice.platform.durability.log.EntryConsumer;

/**
 * A log of receiver data that says when each entry is durable.
 *
 * <pre>{@code
 * long sequence = wal.append(encode(block));   // many receiver threads at once
 * wal.awaitDurable(sequence);                  // group commit: one fsync for many waiters
 * ack(block);                                  // only now tell the upstream system
 * ...
 * wal.read(range.from(), range.to(), (seq, entry) -> replay(decode(entry)));  // on restart
 * wal.deleteBefore(firstSequenceStillNeeded);  // once the batches using older entries are checkpointed
 * }</pre>
 *
 * <p>Failures are {@link io.sluice.platform.durability.StorageException}s. Once a write has failed
 * the log refuses further appends: the engine stops the pipeline instead of acknowledging data it
 * could not keep.
 */
public interface WriteAheadLog extends AutoCloseable {
    /** Queues one entry and returns its sequence number (contiguous, from nextSequence() at open). Thread-safe, cheap; may block only when the log's write buffer is full. */
    long append(byte[] entry);

    /**
     * Returns once entry {@code sequence} (and every earlier one) is as durable as the log's
     * Durability level. Thread-safe; concurrent waiters are satisfied by one fsync (group commit).
     *
     * @throws io.sluice.platform.durability.StorageException if writing failed (e.g. disk full) —
     *     every waiter of the failed group gets it, and the log refuses further appends
     */
    void awaitDurable(long sequence) throws InterruptedException;

    /** Every entry with a sequence below this is durable. */
    long durableSequence();

    /** The sequence the next append gets. */
    long nextSequence();

    /**
     * Reads entries [from, to) in order (to <= durableSequence()).
     *
     * @throws io.sluice.platform.durability.StorageException if a requested entry was deleted or is corrupt
     */
    void read(long from, long to, EntryConsumer consumer);

    /** Entries below {@code sequence} are no longer needed: deletes every segment whose entries are all below it. */
    void deleteBefore(long sequence);

    @Override
    void close();
}

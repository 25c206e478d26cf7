package io.sluice.platform.durability.log;

/**
 * Receives entries read from a log, in sequence order, on the reading thread.
 *
 * <pre>{@code
 * log.read(from, to, (sequence, entry) -> replay.add(decode(entry)));
 * }</pre>
 *
 * <p>The {@code entry} array belongs to the consumer: it is a fresh copy for each call.
 */
@FunctionalInterface
public interface EntryConsumer {
    void accept(long sequence, byte[] entry);
}

package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.RecordBlockCodec;
import io.sluice.platform.durability.wal.WriteAheadLog;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * A receiver's write-ahead log: each {@code store} call's records are one entry, encoded with the
 * {@link RecordBlockCodec}; {@code store} returns only once its entry is durable, so a receiver acks
 * upstream only what a restart can read back.
 */
final class ReceiverLog implements AutoCloseable {
    private final WriteAheadLog wal;
    private final RecordBlockCodec codec;

    ReceiverLog(WriteAheadLog wal, RecordBlockCodec codec) {
        this.wal = wal;
        this.codec = codec;
    }

    /** Queues the records as one entry; returns its sequence number. */
    long append(List<Record> records) {
        return wal.append(codec.encode(records));
    }

    void awaitDurable(long sequence) throws InterruptedException {
        wal.awaitDurable(sequence);
    }

    /** Entries below this are durable. */
    long durableSequence() {
        return wal.durableSequence();
    }

    long nextSequence() {
        return wal.nextSequence();
    }

    /** The records of entries {@code [from, to)}, in order. */
    List<Record> read(long from, long to) {
        List<Record> records = new ArrayList<>();
        wal.read(from, to, (sequence, entry) -> records.addAll(codec.decode(entry)));
        return records;
    }

    /** The entries of each {@code [from, to)} one by one, with their sequence (recovery). */
    void forEach(long from, long to, Entry consumer) {
        wal.read(from, to, (sequence, entry) -> consumer.accept(sequence, codec.decode(entry)));
    }

    /** Entries below {@code sequence} are in checkpointed, complete batches. */
    void deleteBefore(long sequence) {
        wal.deleteBefore(sequence);
    }

    @Override
    public void close() {
        wal.close();
    }

    @FunctionalInterface
    interface Entry {
        void accept(long sequence, List<Record> records);
    }
}

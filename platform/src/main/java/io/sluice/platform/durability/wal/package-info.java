/**
 * The write-ahead log for receiver data (DESIGN §3 push sources, §5): a receiver's
 * {@code store(...)} appends its records as an entry and returns once
 * {@link io.sluice.platform.durability.wal.WriteAheadLog#awaitDurable} says the entry is as durable
 * as configured; only then does the receiver acknowledge upstream. Batches record WAL ranges, and a
 * restart replays them with {@link io.sluice.platform.durability.wal.WriteAheadLog#read}.
 *
 * <p>{@link io.sluice.platform.durability.wal.FileWriteAheadLog} writes a local
 * {@link io.sluice.platform.durability.log.SegmentedLog} with group commit: appenders only queue
 * entries; one writer thread takes everything queued, writes it, forces the file once and wakes all
 * the waiters it satisfied. {@link io.sluice.platform.durability.wal.Durability} says how durable
 * "durable" is. A Kafka-backed log (replicated internal topics, DESIGN §6) can implement the same
 * interface.
 */
package io.sluice.platform.durability.wal;

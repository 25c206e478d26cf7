/**
 * What makes a pipeline survive a crash, as local files behind small interfaces (DESIGN §5, §6):
 * a segmented, CRC32C-framed append-only {@linkplain io.sluice.platform.durability.log log}; on it the
 * receivers' {@linkplain io.sluice.platform.durability.wal write-ahead log} (group commit) and the
 * {@linkplain io.sluice.platform.durability.batchlog batch log}; the atomically written
 * {@linkplain io.sluice.platform.durability.checkpoint checkpoints}; and the versioned binary
 * {@linkplain io.sluice.platform.durability.codec encodings} of records and state (never Java
 * serialization). The engine's {@code Checkpointer} uses them; Kafka-backed implementations of the
 * same interfaces are how Sluice will scale out.
 */
package io.sluice.platform.durability;

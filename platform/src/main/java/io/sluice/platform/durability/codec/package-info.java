/**
 * The binary encodings durability needs, never Java serialization: {@link
 * io.sluice.platform.durability.codec.ValueCodec} for the values kept in checkpoints (keyed state,
 * window contents) and logs, self-describing (a type tag per value) and versioned; {@link
 * io.sluice.platform.durability.codec.TypeCodec} for users' own types; and {@link
 * io.sluice.platform.durability.codec.RecordBlockCodec} for the blocks of records the write-ahead
 * log stores, on the receivers' hot path (each block's schemas once, then values only).
 *
 * <p>Every format carries {@link io.sluice.platform.durability.codec.ValueCodec#FORMAT_VERSION};
 * a reader refuses versions it does not know, and reports bad bytes as {@link
 * io.sluice.platform.durability.codec.CorruptDataException} with their offset. Checksums and
 * framing are the logs' and the checkpoint store's business. The byte layout of version 1 is
 * pinned by {@code FormatVersion1GoldenTest}: changing it is a new format version.
 */
package io.sluice.platform.durability.codec;

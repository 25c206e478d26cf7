package io.sluice.spi.source;

/**
 * Turns splits into bytes for the batch log and back. Versioned: {@link #decode} receives the
 * version the bytes were written with and must reject versions it does not know, by name, rather
 * than misread them. Never use Java serialization.
 *
 * <pre>{@code
 * public int version() { return 1; }
 * public byte[] encode(Range r) {
 *     return ByteBuffer.allocate(16).putLong(r.start()).putLong(r.end()).array();
 * }
 * public Range decode(int version, byte[] bytes) {
 *     if (version != 1) throw new SluiceException("generator split version " + version + " unknown");
 *     ByteBuffer b = ByteBuffer.wrap(bytes);
 *     return new Range(b.getLong(), b.getLong());
 * }
 * }</pre>
 *
 * @param <S> the split type
 */
public interface SplitCodec<S> {
    /** The version {@link #encode} writes. */
    int version();

    byte[] encode(S split);

    /**
     * @throws io.sluice.spi.SluiceException if {@code version} is unknown or the bytes are corrupt
     */
    S decode(int version, byte[] bytes);
}

package io.sluice.platform.durability.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A user-supplied encoding of one type, registered with {@link ValueCodec#with(Class, TypeCodec)}.
 * The codec's {@link #id()} and {@link #version()} are written with each value, so the value is
 * decoded later by the codec registered under the same id, which is told the version it was
 * written with: a codec that changes its layout bumps its version and keeps reading the old ones.
 *
 * <p>Contract: {@link #read} must consume exactly the bytes {@link #write} produced (the value
 * codec checks it), and must be thread-safe (codecs are shared by every thread). Nested values
 * of any type the value codec knows are written and read with {@code values}, passing the very
 * {@code out} and {@code in} received. Data written by a newer version than {@link #version()}
 * is refused by the value codec before {@code read} is called.
 *
 * <pre>{@code
 * final class ReadingCodec implements TypeCodec<Reading> {
 *     public String id() { return "com.acme.Reading"; }
 *     public int version() { return 2; }
 *     public void write(DataOutput out, Reading r, ValueCodec values) throws IOException {
 *         out.writeUTF(r.sensor());
 *         out.writeDouble(r.celsius());
 *         values.write(out, r.tags());                       // a List<String>
 *     }
 *     public Reading read(DataInput in, int version, ValueCodec values) throws IOException {
 *         String sensor = in.readUTF();
 *         double celsius = in.readDouble();
 *         List<?> tags = version >= 2 ? (List<?>) values.read(in) : List.of();   // v1 had no tags
 *         return new Reading(sensor, celsius, tags);
 *     }
 * }
 * ValueCodec values = ValueCodec.standard().with(Reading.class, new ReadingCodec());
 * }</pre>
 *
 * @param <T> the type encoded
 */
public interface TypeCodec<T> {
    /** A stable name written with every value, e.g. {@code "com.acme.Reading"}; never change it. */
    String id();

    /** The version of the layout {@link #write} produces; {@code >= 0}, raised when the layout changes. */
    int version();

    /** Writes {@code value} (never {@code null}). */
    void write(DataOutput out, T value, ValueCodec values) throws IOException;

    /** Reads a value written by {@link #write} of version {@code version} ({@code <= version()}). */
    T read(DataInput in, int version, ValueCodec values) throws IOException;
}

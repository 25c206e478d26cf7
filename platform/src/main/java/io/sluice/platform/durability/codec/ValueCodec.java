package io.sluice.platform.durability.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;

/**
 * Self-describing, versioned binary encoding of the values Sluice keeps in checkpoints (keyed
 * state, window contents) and logs: each value is a one-byte type tag and its body, so it is read
 * back without knowing its type, and the bytes survive an upgrade of Sluice (never Java
 * serialization). Immutable and thread-safe.
 *
 * <p><b>Built-in types</b>: {@code null}, {@code Boolean}, {@code Byte}, {@code Short},
 * {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code Character}, {@code String}
 * (UTF-8), {@code byte[]}, {@code BigInteger}, {@code BigDecimal}, {@code Instant}, {@code Duration},
 * {@code LocalDate}, {@code UUID}, enums (class and constant name), {@code Optional}, {@code List},
 * {@code Set}, {@code Map}, {@code Object[]}, {@code long[]}, {@code int[]}, {@code double[]},
 * {@link io.sluice.spi.Record} (key, fields by name, payload, timestamp, headers, position),
 * {@link io.sluice.platform.stream.KeyValue}, and Java records (class name and component values,
 * rebuilt through the canonical constructor; the class is loaded by the thread's context class
 * loader, else by Sluice's), nested in any way up to 256 levels.
 *
 * <p><b>What comes back</b>: equal values, with these types: any {@code List} decodes as a mutable
 * {@code ArrayList}, any {@code Set} as a {@code LinkedHashSet} and any {@code Map} as a
 * {@code LinkedHashMap}, each in the iteration order it was written in (so a {@code TreeMap} keeps
 * its order but not its comparator). Only {@code Object[]} itself is built in among reference
 * arrays ({@code String[]} is refused: use a {@code List}). Other types throw
 * {@link UnsupportedValueException} unless a {@link TypeCodec} is registered for them.
 *
 * <p><b>Registered codecs</b> ({@link #with}) take precedence over the built-in encodings and
 * cover subclasses: a value uses the codec registered for its exact class, else for its most
 * specific registered supertype (class or interface).
 *
 * <p><b>Versions</b>: {@link #toBytes} and {@link #write} start with {@link #FORMAT_VERSION}; a
 * reader refuses versions it does not know with a {@link CorruptDataException}, as it does bad
 * tags, lengths beyond the end of the input and truncated input (never an
 * {@code OutOfMemoryError} from a garbled length).
 *
 * <p><b>Many values</b> (a checkpoint's state entries): write them into a {@link BinaryOutput} and
 * read them from a {@link BinaryInput}, which {@link #write} and {@link #read} encode into and
 * decode from in place; any other {@code DataOutput}/{@code DataInput} works too, through a
 * per-thread buffer and one copy per value.
 *
 * <pre>{@code
 * ValueCodec values = ValueCodec.standard().with(Reading.class, new ReadingCodec());
 * byte[] bytes = values.toBytes(Map.of("bus-7", List.of(3L, 4L)));
 * Map<?, ?> state = (Map<?, ?>) values.fromBytes(bytes);
 * }</pre>
 */
public final class ValueCodec {
    /** The version of the encoding this class writes (and the only one it reads so far). */
    public static final int FORMAT_VERSION = 1;

    private final TypeCodecs codecs;
    private final ValueWriter writer;
    private final ValueReader reader;
    private final StreamBuffers streams = new StreamBuffers();

    private ValueCodec(TypeCodecs codecs) {
        this.codecs = codecs;
        this.writer = new ValueWriter(this, codecs);
        this.reader = new ValueReader(this, codecs, new JavaRecords());
    }

    /**
     * The built-in types only. A new codec each time (they are cheap): each keeps its own cache of
     * the record and enum classes it has loaded, so a discarded pipeline's plugin class loaders are
     * not held by a JVM-wide one.
     */
    public static ValueCodec standard() {
        return new ValueCodec(TypeCodecs.NONE);
    }

    /**
     * A codec that also encodes {@code type} and its subclasses with {@code codec} (see the class
     * comment for precedence); this codec is unchanged. Registering a type again replaces its codec.
     *
     * @throws IllegalArgumentException if the codec has no id or a negative version, or its id is
     *                                  already registered for another type
     */
    public <T> ValueCodec with(Class<T> type, TypeCodec<T> codec) {
        return new ValueCodec(codecs.with(type, codec));
    }

    /**
     * Writes {@code value} as {@link #FORMAT_VERSION} (one byte), the body's length (varint) and the
     * body, so {@link #read} needs no other framing. Nothing is written if the value cannot be
     * encoded.
     *
     * @throws UnsupportedValueException if the value or a value inside it has a type this codec cannot encode
     */
    public void write(DataOutput out, Object value) throws IOException {
        if (out instanceof BinaryOutput direct) {
            int start = direct.size();
            direct.write(FORMAT_VERSION);
            try {
                writer.write(direct, value, direct.codecDepth);
            } catch (RuntimeException e) {
                direct.truncate(start);
                throw e;
            }
            direct.insertVarint(start + 1, direct.size() - start - 1);
            return;
        }
        BinaryOutput scratch = streams.borrowOutput();
        scratch.write(FORMAT_VERSION);
        writer.write(scratch, value, 0);
        scratch.insertVarint(1, scratch.size() - 1);
        out.write(scratch.array(), 0, scratch.size());
        streams.giveBack(scratch);
    }

    /**
     * Reads one value written by {@link #write}.
     *
     * @throws CorruptDataException if the bytes are not a value of a known format version, or are truncated
     */
    public Object read(DataInput in) throws IOException {
        if (in instanceof BinaryInput direct) {
            long at = direct.offset();
            checkVersion(direct.readUnsigned(), at);
            int length = direct.readLength("value length", 1);
            BinaryInput body = new BinaryInput(direct.array(), direct.position(), direct.position() + length, (int) direct.offset());
            body.codecDepth = direct.codecDepth;
            Object value = readWhole(body);
            direct.skip(length);
            return value;
        }
        BinaryInput body;
        try {
            checkVersion(in.readUnsignedByte(), 0);
            body = streams.readBody(in);
        } catch (EOFException e) {
            throw new CorruptDataException("truncated value: the input ended", -1, e);
        }
        try {
            return readWhole(body);
        } finally {
            streams.giveBack(body);
        }
    }

    /**
     * The value as {@link #FORMAT_VERSION} (one byte) and the body.
     *
     * @throws UnsupportedValueException if the value or a value inside it has a type this codec cannot encode
     */
    public byte[] toBytes(Object value) {
        BinaryOutput out = streams.borrowOutput();
        out.write(FORMAT_VERSION);
        writer.write(out, value, 0);
        byte[] bytes = out.toByteArray();
        streams.giveBack(out);
        return bytes;
    }

    /**
     * The value {@link #toBytes} encoded as {@code bytes} (all of them).
     *
     * @throws CorruptDataException if the bytes are not one whole value of a known format version
     */
    public Object fromBytes(byte[] bytes) {
        BinaryInput in = new BinaryInput(bytes);
        checkVersion(in.readUnsigned(), 0);
        return readWhole(in);
    }

    ValueWriter writer() {
        return writer;
    }

    ValueReader reader() {
        return reader;
    }

    private Object readWhole(BinaryInput in) {
        Object value = reader.read(in, in.codecDepth);
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the end of the value");
        }
        return value;
    }

    static void checkVersion(int version, long at) {
        if (version != FORMAT_VERSION) {
            throw new CorruptDataException("format version " + version + " is not one this Sluice reads (it reads "
                    + FORMAT_VERSION + "; was the data written by a newer Sluice?)", at);
        }
    }
}

package io.sluice.platform.durability.codec;

import io.sluice.platform.stream.KeyValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;

/** Reads tagged values ({@link Tags}) from a {@link BinaryInput}: the decoding side of {@link ValueCodec}. */
final class ValueReader {
    private final ValueCodec values;
    private final TypeCodecs codecs;
    private final JavaRecords classes;

    ValueReader(ValueCodec values, TypeCodecs codecs, JavaRecords classes) {
        this.values = values;
        this.codecs = codecs;
        this.classes = classes;
    }

    Object read(BinaryInput in, int depth) {
        long at = in.offset();
        int tag = in.readUnsigned();
        switch (tag) {
            case Tags.NULL:
                return null;
            case Tags.FALSE:
                return Boolean.FALSE;
            case Tags.TRUE:
                return Boolean.TRUE;
            case Tags.STRING:
                return in.readNonNullString("string");
            case Tags.LONG:
                return in.readZigzag();
            case Tags.INT:
                return readInt(in);
            case Tags.DOUBLE:
                return in.readDouble();
            case Tags.BYTES:
                return in.readByteArray();
            case Tags.RECORD:
                return RecordEncoding.read(this, in, null, 0, deeper(in, depth, at));
            case Tags.LIST:
                return readElements(in, new ArrayList<>(), deeper(in, depth, at));
            case Tags.SET:
                return readElements(in, new LinkedHashSet<>(), deeper(in, depth, at));
            case Tags.MAP:
                return readMap(in, deeper(in, depth, at));
            case Tags.KEY_VALUE: {
                int inner = deeper(in, depth, at);
                Object key = read(in, inner);
                return KeyValue.of(key, read(in, inner));
            }
            case Tags.OPTIONAL_EMPTY:
                return Optional.empty();
            case Tags.OPTIONAL:
                return readOptional(in, deeper(in, depth, at), at);
            default:
                return readScalar(in, tag, depth, at);
        }
    }

    private Object readScalar(BinaryInput in, int tag, int depth, long at) {
        try {
            switch (tag) {
                case Tags.BYTE:
                    return in.readByte();
                case Tags.SHORT:
                    return in.readShort();
                case Tags.FLOAT:
                    return in.readFloat();
                case Tags.CHAR:
                    return in.readChar();
                case Tags.BIG_INTEGER:
                    return new BigInteger(in.readByteArray());
                case Tags.BIG_DECIMAL: {
                    int scale = readInt(in);
                    return new BigDecimal(new BigInteger(in.readByteArray()), scale);
                }
                case Tags.INSTANT:
                    return Instant.ofEpochSecond(in.readZigzag(), readNanos(in));
                case Tags.DURATION:
                    return Duration.ofSeconds(in.readZigzag(), readNanos(in));
                case Tags.LOCAL_DATE:
                    return LocalDate.ofEpochDay(in.readZigzag());
                case Tags.UUID:
                    return new UUID(in.readLong(), in.readLong());
                default:
                    return readStructured(in, tag, depth, at);
            }
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            throw new CorruptDataException("invalid value of tag " + tag + " (" + e.getMessage() + ")", at, e);
        }
    }

    private Object readStructured(BinaryInput in, int tag, int depth, long at) {
        switch (tag) {
            case Tags.ENUM:
                return readEnum(in, at);
            case Tags.LONG_ARRAY: {
                long[] array = new long[in.readLength("long[] length", 1)];
                for (int i = 0; i < array.length; i++) {
                    array[i] = in.readZigzag();
                }
                return array;
            }
            case Tags.INT_ARRAY: {
                int[] array = new int[in.readLength("int[] length", 1)];
                for (int i = 0; i < array.length; i++) {
                    array[i] = readInt(in);
                }
                return array;
            }
            case Tags.DOUBLE_ARRAY: {
                double[] array = new double[in.readLength("double[] length", 8)];
                for (int i = 0; i < array.length; i++) {
                    array[i] = in.readDouble();
                }
                return array;
            }
            case Tags.OBJECT_ARRAY: {
                int inner = deeper(in, depth, at);
                Object[] array = new Object[in.readLength("array length", 1)];
                for (int i = 0; i < array.length; i++) {
                    array[i] = read(in, inner);
                }
                return array;
            }
            case Tags.JAVA_RECORD:
                return JavaRecordReader.read(this, classes, in, deeper(in, depth, at), at);
            case Tags.CUSTOM:
                return readCustom(in, deeper(in, depth, at), at);
            default:
                throw in.corrupt("unknown type tag " + tag, at);
        }
    }

    private Object readOptional(BinaryInput in, int depth, long at) {
        Object value = read(in, depth);
        if (value == null) {
            throw in.corrupt("an Optional holds null", at);
        }
        return Optional.of(value);
    }

    private Collection<Object> readElements(BinaryInput in, Collection<Object> into, int depth) {
        int size = in.readLength("collection size", 1);
        if (into instanceof ArrayList<Object> list) {
            list.ensureCapacity(size);
        }
        for (int i = 0; i < size; i++) {
            into.add(read(in, depth));
        }
        return into;
    }

    private LinkedHashMap<Object, Object> readMap(BinaryInput in, int depth) {
        int size = in.readLength("map size", 2);
        LinkedHashMap<Object, Object> map = new LinkedHashMap<>((int) Math.min(size / 0.75 + 1, 1 << 30));
        for (int i = 0; i < size; i++) {
            Object key = read(in, depth);
            map.put(key, read(in, depth));
        }
        return map;
    }

    private Object readEnum(BinaryInput in, long at) {
        String className = in.readNonNullString("enum class name");
        String constant = in.readNonNullString("enum constant name");
        Class<?> type = classes.load(className);
        if (type == null || !type.isEnum()) {
            throw in.corrupt(type == null ? "enum class " + className + " not found" : className + " is not an enum", at);
        }
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(constant)) {
                return c;
            }
        }
        throw in.corrupt("enum " + className + " has no constant " + constant + " (any more)", at);
    }

    private Object readCustom(BinaryInput in, int depth, long at) {
        String id = in.readNonNullString("TypeCodec id");
        int version = in.readVarint();
        int length = in.readLength("TypeCodec '" + id + "' value length", 1);
        TypeCodecs.Registered custom = codecs.forId(id);
        if (custom == null) {
            throw in.corrupt("no TypeCodec '" + id + "' is registered to decode this value (ValueCodec.with(type, codec))", at);
        }
        if (version > custom.version()) {
            throw in.corrupt("value written by version " + version + " of TypeCodec '" + id + "', which reads versions up to "
                    + custom.version(), at);
        }
        BinaryInput body = new BinaryInput(in.array(), in.position(), in.position() + length, (int) in.offset());
        body.codecDepth = depth;
        Object value;
        try {
            value = custom.codec().read(body, version, values);
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException("TypeCodec '" + id + "' failed to read its value (" + e + ")", at, e);
        }
        if (body.remaining() != 0) {
            throw in.corrupt("TypeCodec '" + id + "' read " + (length - body.remaining()) + " of its " + length + " bytes", at);
        }
        in.skip(length);
        return value;
    }

    private static int readNanos(BinaryInput in) {
        long at = in.offset();
        int nanos = in.readVarint();
        if (nanos < 0 || nanos > 999_999_999) {
            throw in.corrupt("nanoseconds " + Integer.toUnsignedString(nanos) + " out of range", at);
        }
        return nanos;
    }

    private static int readInt(BinaryInput in) {
        long at = in.offset();
        long v = in.readZigzag();
        if (v != (int) v) {
            throw in.corrupt("int value " + v + " out of range", at);
        }
        return (int) v;
    }

    static int deeper(BinaryInput in, int depth, long at) {
        if (depth >= ValueWriter.MAX_DEPTH) {
            throw in.corrupt("values nested more than " + ValueWriter.MAX_DEPTH + " levels deep", at);
        }
        return depth + 1;
    }
}

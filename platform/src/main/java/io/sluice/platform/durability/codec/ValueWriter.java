package io.sluice.platform.durability.codec;

import io.sluice.platform.stream.KeyValue;
import io.sluice.spi.Record;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Writes tagged values ({@link Tags}) into a {@link BinaryOutput}: the encoding side of {@link ValueCodec}. */
final class ValueWriter {
    /** Deeper values are refused: deep enough for real data, shallow enough to stop a value that contains itself. */
    static final int MAX_DEPTH = 256;

    private final ValueCodec values;
    private final TypeCodecs codecs;

    ValueWriter(ValueCodec values, TypeCodecs codecs) {
        this.values = values;
        this.codecs = codecs.isEmpty() ? null : codecs;
    }

    void write(BinaryOutput out, Object value, int depth) {
        if (value == null) {
            out.write(Tags.NULL);
            return;
        }
        Class<?> type = value.getClass();
        if (codecs != null) {
            TypeCodecs.Registered custom = codecs.forClass(type);
            if (custom != null) {
                writeCustom(out, value, custom, depth);
                return;
            }
        }
        if (type == String.class) {
            out.write(Tags.STRING);
            out.writeString((String) value);
        } else if (type == Long.class) {
            out.write(Tags.LONG);
            out.writeZigzag((Long) value);
        } else if (type == Integer.class) {
            out.write(Tags.INT);
            out.writeZigzag((Integer) value);
        } else if (type == Double.class) {
            out.write(Tags.DOUBLE);
            out.writeDouble((Double) value);
        } else if (type == Boolean.class) {
            out.write((Boolean) value ? Tags.TRUE : Tags.FALSE);
        } else if (type == byte[].class) {
            out.write(Tags.BYTES);
            out.writeByteArray((byte[]) value);
        } else {
            writeOther(out, value, type, depth);
        }
    }

    private void writeOther(BinaryOutput out, Object value, Class<?> type, int depth) {
        if (value instanceof Record record) {
            out.write(Tags.RECORD);
            RecordEncoding.write(this, out, record, -1, 0, deeper(type, depth));
        } else if (value instanceof List<?> list) {
            writeElements(out, Tags.LIST, list, "list", deeper(type, depth));
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, deeper(type, depth));
        } else if (value instanceof Set<?> set) {
            writeElements(out, Tags.SET, set, "set", deeper(type, depth));
        } else if (value instanceof KeyValue<?, ?> kv) {
            out.write(Tags.KEY_VALUE);
            int inner = deeper(type, depth);
            write(out, kv.key(), inner, "key of a KeyValue");
            try {
                write(out, kv.value(), inner);
            } catch (UnsupportedValueException e) {
                throw e.within("value of a KeyValue with key " + describe(kv.key()));
            }
        } else if (value instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                out.write(Tags.OPTIONAL_EMPTY);
            } else {
                out.write(Tags.OPTIONAL);
                write(out, optional.get(), deeper(type, depth), "value of an Optional");
            }
        } else {
            writeScalar(out, value, type, depth);
        }
    }

    private void writeScalar(BinaryOutput out, Object value, Class<?> type, int depth) {
        if (type == Float.class) {
            out.write(Tags.FLOAT);
            out.writeFloat((Float) value);
        } else if (type == Short.class) {
            out.write(Tags.SHORT);
            out.writeShort((Short) value);
        } else if (type == Byte.class) {
            out.write(Tags.BYTE);
            out.write((Byte) value);
        } else if (type == Character.class) {
            out.write(Tags.CHAR);
            out.writeChar((Character) value);
        } else if (type == BigInteger.class) {
            out.write(Tags.BIG_INTEGER);
            out.writeByteArray(((BigInteger) value).toByteArray());
        } else if (type == BigDecimal.class) {
            BigDecimal decimal = (BigDecimal) value;
            out.write(Tags.BIG_DECIMAL);
            out.writeZigzag(decimal.scale());
            out.writeByteArray(decimal.unscaledValue().toByteArray());
        } else if (type == Instant.class) {
            Instant instant = (Instant) value;
            out.write(Tags.INSTANT);
            out.writeZigzag(instant.getEpochSecond());
            out.writeVarint(instant.getNano());
        } else if (type == Duration.class) {
            Duration duration = (Duration) value;
            out.write(Tags.DURATION);
            out.writeZigzag(duration.getSeconds());
            out.writeVarint(duration.getNano());
        } else if (type == LocalDate.class) {
            out.write(Tags.LOCAL_DATE);
            out.writeZigzag(((LocalDate) value).toEpochDay());
        } else if (type == UUID.class) {
            UUID uuid = (UUID) value;
            out.write(Tags.UUID);
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        } else {
            writeStructured(out, value, type, depth);
        }
    }

    private void writeStructured(BinaryOutput out, Object value, Class<?> type, int depth) {
        if (value instanceof Enum<?> constant) {
            out.write(Tags.ENUM);
            out.writeString(constant.getDeclaringClass().getName());
            out.writeString(constant.name());
        } else if (type == long[].class) {
            long[] array = (long[]) value;
            out.write(Tags.LONG_ARRAY);
            out.writeVarint(array.length);
            for (long v : array) {
                out.writeZigzag(v);
            }
        } else if (type == int[].class) {
            int[] array = (int[]) value;
            out.write(Tags.INT_ARRAY);
            out.writeVarint(array.length);
            for (int v : array) {
                out.writeZigzag(v);
            }
        } else if (type == double[].class) {
            double[] array = (double[]) value;
            out.write(Tags.DOUBLE_ARRAY);
            out.writeVarint(array.length);
            for (double v : array) {
                out.writeDouble(v);
            }
        } else if (type == Object[].class) {
            writeElements(out, Tags.OBJECT_ARRAY, Arrays.asList((Object[]) value), "array", deeper(type, depth));
        } else if (type.isRecord()) {
            writeJavaRecord(out, value, type, deeper(type, depth));
        } else if (type.isArray()) {
            throw new UnsupportedValueException(type, "only Object[], byte[], int[], long[] and double[] arrays are built in; use a List");
        } else {
            throw new UnsupportedValueException(type);
        }
    }

    private void writeElements(BinaryOutput out, int tag, Collection<?> elements, String what, int depth) {
        out.write(tag);
        int size = elements.size();
        out.writeVarint(size);
        int i = 0;
        for (Object element : elements) {
            write(out, element, depth, i, what);
            i++;
        }
        if (i != size) {
            throw new UnsupportedValueException(elements.getClass(), "its size() was " + size + " but it iterated " + i + " elements");
        }
    }

    private void write(BinaryOutput out, Object element, int depth, int index, String what) {
        try {
            write(out, element, depth);
        } catch (UnsupportedValueException e) {
            throw e.within("element " + index + " of a " + what);
        }
    }

    private void writeMap(BinaryOutput out, Map<?, ?> map, int depth) {
        out.write(Tags.MAP);
        int size = map.size();
        out.writeVarint(size);
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            write(out, e.getKey(), depth, "a key of a map");
            try {
                write(out, e.getValue(), depth);
            } catch (UnsupportedValueException failure) {
                throw failure.within("value of key " + describe(e.getKey()) + " of a map");
            }
            i++;
        }
        if (i != size) {
            throw new UnsupportedValueException(map.getClass(), "its size() was " + size + " but it iterated " + i + " entries");
        }
    }

    private void writeJavaRecord(BinaryOutput out, Object value, Class<?> type, int depth) {
        JavaRecords.Layout layout = JavaRecords.layout(type);
        out.write(Tags.JAVA_RECORD);
        out.writeString(type.getName());
        out.writeVarint(layout.size());
        for (int i = 0; i < layout.size(); i++) {
            try {
                write(out, layout.component(value, i), depth);
            } catch (UnsupportedValueException e) {
                throw e.within("component " + layout.names[i] + " of " + type.getName());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void writeCustom(BinaryOutput out, Object value, TypeCodecs.Registered custom, int depth) {
        out.write(Tags.CUSTOM);
        out.writeString(custom.id());
        out.writeVarint(custom.version());
        int start = out.size();
        int outerDepth = out.codecDepth;
        out.codecDepth = deeper(value.getClass(), depth);
        try {
            ((TypeCodec<Object>) custom.codec()).write(out, value, values);
        } catch (IOException e) {
            throw new UnsupportedValueException(value.getClass(), "its TypeCodec '" + custom.id() + "' failed", e);
        } finally {
            out.codecDepth = outerDepth;
        }
        out.insertVarint(start, out.size() - start);
    }

    /** Writes a nested value; a failure names {@code where} it was found. */
    void write(BinaryOutput out, Object value, int depth, String where) {
        try {
            write(out, value, depth);
        } catch (UnsupportedValueException e) {
            throw e.within(where);
        }
    }

    private static int deeper(Class<?> type, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new UnsupportedValueException(type, "it is nested more than " + MAX_DEPTH + " levels deep (does it contain itself?)");
        }
        return depth + 1;
    }

    /** A key or value in an error message: quoted, shortened. */
    static String describe(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return value instanceof String ? "'" + text + "'" : text;
    }
}

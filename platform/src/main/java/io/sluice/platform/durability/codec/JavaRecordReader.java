package io.sluice.platform.durability.codec;

/**
 * Decodes a Java record ({@link Tags#JAVA_RECORD}): loads its class by name, checks that the
 * class still has the components the data has (count, and each value fits its component's type),
 * and calls the canonical constructor. Any mismatch is a {@link CorruptDataException} naming the
 * class and the component.
 */
final class JavaRecordReader {
    private JavaRecordReader() {
    }

    static Object read(ValueReader values, JavaRecords classes, BinaryInput in, int depth, long at) {
        String className = in.readNonNullString("record class name");
        int count = in.readLength("record component count", 1);
        Class<?> type = classes.load(className);
        if (type == null) {
            throw in.corrupt("record class " + className + " not found (neither by the thread's context class loader nor Sluice's)", at);
        }
        if (!type.isRecord()) {
            throw in.corrupt("class " + className + " is not a record (any more)", at);
        }
        JavaRecords.Layout layout;
        try {
            layout = JavaRecords.layout(type);
        } catch (UnsupportedValueException e) {
            throw new CorruptDataException("cannot rebuild record class " + className + ": " + e.getMessage(), at, e);
        }
        if (layout.size() != count) {
            throw in.corrupt("record class " + className + " has " + layout.size() + " components, the data has " + count
                    + ": the class changed since the data was written (register a versioned TypeCodec for it)", at);
        }
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            Object value = values.read(in, depth);
            boolean fits = value == null ? !layout.primitive[i] : layout.types[i].isInstance(value);
            if (!fits) {
                throw in.corrupt("component " + layout.names[i] + " of record class " + className + " is a "
                        + layout.types[i].getName() + ", the data has " + (value == null ? "null" : "a " + value.getClass().getName())
                        + ": the class changed since the data was written", at);
            }
            args[i] = value;
        }
        try {
            return layout.construct(args);
        } catch (Throwable e) {
            throw new CorruptDataException("the canonical constructor of record class " + className + " refused the data ("
                    + e + ")", at, e);
        }
    }
}

package io.sluice.platform.durability.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java records (and enums) by class name: loading a class by the name written with a value (the
 * thread's context class loader first, so plugin classes are found, then the loader of the codec),
 * and each record class's components, read through its accessors and rebuilt through its canonical
 * constructor. Classes found are kept per loader and name.
 */
final class JavaRecords {
    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return Layout.of(type);
        }
    };

    private final Map<LoaderAndName, Class<?>> classes = new ConcurrentHashMap<>();

    /** The components of record class {@code type}: throws {@link UnsupportedValueException} if they are not accessible. */
    static Layout layout(Class<?> type) {
        return LAYOUTS.get(type);
    }

    /** The class named {@code name}, or {@code null} if neither loader knows it. */
    Class<?> load(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = JavaRecords.class.getClassLoader();
        LoaderAndName key = new LoaderAndName(context, name);
        Class<?> found = classes.get(key);
        if (found == null) {
            found = tryLoad(name, context);
            if (found == null && own != context) {
                found = tryLoad(name, own);
            }
            if (found != null) {
                classes.put(key, found);
            }
        }
        return found;
    }

    private static Class<?> tryLoad(String name, ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private record LoaderAndName(ClassLoader loader, String name) {
    }

    /** How to take a record class apart and put it back together. */
    static final class Layout {
        final Class<?> type;
        final String[] names;
        /** The component types, primitives boxed, for checking decoded values. */
        final Class<?>[] types;
        final boolean[] primitive;
        private final MethodHandle[] accessors;
        private final MethodHandle constructor;

        private Layout(Class<?> type, String[] names, Class<?>[] types, boolean[] primitive, MethodHandle[] accessors,
                MethodHandle constructor) {
            this.type = type;
            this.names = names;
            this.types = types;
            this.primitive = primitive;
            this.accessors = accessors;
            this.constructor = constructor;
        }

        static Layout of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            int n = components.length;
            String[] names = new String[n];
            Class<?>[] types = new Class<?>[n];
            Class<?>[] declared = new Class<?>[n];
            boolean[] primitive = new boolean[n];
            MethodHandle[] accessors = new MethodHandle[n];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            try {
                for (int i = 0; i < n; i++) {
                    names[i] = components[i].getName();
                    declared[i] = components[i].getType();
                    primitive[i] = declared[i].isPrimitive();
                    types[i] = MethodType.methodType(declared[i]).wrap().returnType();
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    accessors[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
                }
                Constructor<?> canonical = type.getDeclaredConstructor(declared);
                canonical.setAccessible(true);
                MethodHandle constructor = lookup.unreflectConstructor(canonical).asSpreader(Object[].class, n)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new Layout(type, names, types, primitive, accessors, constructor);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new UnsupportedValueException(type, "its components or canonical constructor are not accessible ("
                        + e + "): open its package or register a TypeCodec for it", e);
            }
        }

        int size() {
            return names.length;
        }

        Object component(Object record, int index) {
            try {
                return (Object) accessors[index].invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new UnsupportedValueException(type, "its accessor " + names[index] + "() failed", e);
            }
        }

        /** A new instance from its component values, which the caller has checked against {@link #types}. */
        Object construct(Object[] values) throws Throwable {
            return (Object) constructor.invokeExact(values);
        }
    }
}

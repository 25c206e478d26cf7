package io.sluice.platform.durability.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered {@link TypeCodec}s of one {@link ValueCodec}: immutable (registering returns a new
 * instance) apart from a cache of which codec, if any, each class resolves to.
 *
 * <p>A value's codec is the one registered for its exact class, else for the most specific
 * registered supertype (class or interface) of its class; between unrelated supertypes, the one
 * registered first. Registering a type again replaces its codec.
 */
final class TypeCodecs {
    static final TypeCodecs NONE = new TypeCodecs(List.of());
    private static final Registered ABSENT = new Registered(Object.class, null, "", 0);

    private final List<Registered> byRegistration;
    private final Map<String, Registered> byId = new HashMap<>();
    private final Map<Class<?>, Registered> resolved = new ConcurrentHashMap<>();

    private TypeCodecs(List<Registered> byRegistration) {
        this.byRegistration = byRegistration;
        for (Registered r : byRegistration) {
            byId.put(r.id(), r);
        }
    }

    boolean isEmpty() {
        return byRegistration.isEmpty();
    }

    <T> TypeCodecs with(Class<T> type, TypeCodec<T> codec) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(codec, "codec");
        String id = codec.id();
        int version = codec.version();
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("TypeCodec " + codec.getClass().getName() + " for " + type.getName() + " has no id");
        }
        if (version < 0) {
            throw new IllegalArgumentException("TypeCodec '" + id + "' has a negative version " + version);
        }
        List<Registered> next = new ArrayList<>(byRegistration.size() + 1);
        for (Registered r : byRegistration) {
            if (r.type() == type) {
                continue;
            }
            if (r.id().equals(id)) {
                throw new IllegalArgumentException("TypeCodec id '" + id + "' is already registered for " + r.type().getName()
                        + ", cannot register it for " + type.getName() + " too");
            }
            next.add(r);
        }
        next.add(new Registered(type, codec, id, version));
        return new TypeCodecs(List.copyOf(next));
    }

    /** The codec for values of class {@code type}, or {@code null} if the built-in encoding applies. */
    Registered forClass(Class<?> type) {
        Registered r = resolved.get(type);
        if (r == null) {
            r = resolve(type);
            resolved.put(type, r);
        }
        return r == ABSENT ? null : r;
    }

    private Registered resolve(Class<?> type) {
        Registered best = ABSENT;
        for (Registered r : byRegistration) {
            if (r.type() == type) {
                return r;
            }
            if (r.type().isAssignableFrom(type) && (best == ABSENT || best.type().isAssignableFrom(r.type()))) {
                best = r;
            }
        }
        return best;
    }

    /** The codec registered under {@code id}, or {@code null}. */
    Registered forId(String id) {
        return byId.get(id);
    }

    /** One registration: the codec's id and version are read once, when it is registered. */
    record Registered(Class<?> type, TypeCodec<?> codec, String id, int version) {
    }
}

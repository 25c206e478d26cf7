package io.sluice.platform.plugin;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component types a pipeline can use, by kind and type name. Built by the plugin host from
 * plugins and classpath extensions, or directly from factories ({@link #of}) in tests and
 * embedded use. Immutable once built.
 */
public final class ComponentRegistry {
    private final Map<ComponentKind, Map<String, Component<?>>> byKind;
    private final List<PluginProblem> problems;

    private ComponentRegistry(Map<ComponentKind, Map<String, Component<?>>> byKind, List<PluginProblem> problems) {
        this.byKind = byKind;
        this.problems = List.copyOf(problems);
    }

    /** A registry of classpath factories (no plugins). */
    public static ComponentRegistry of(ComponentFactory... factories) {
        Builder b = builder();
        for (ComponentFactory f : factories) {
            b.add(new Component<>(ComponentKind.of(f), f, "classpath", io.sluice.spi.SpiVersion.CURRENT, "classpath"));
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked")
    public Optional<Component<SourceFactory>> source(String type) {
        return Optional.ofNullable((Component<SourceFactory>) byKind.get(ComponentKind.SOURCE).get(type));
    }

    @SuppressWarnings("unchecked")
    public Optional<Component<SinkFactory>> sink(String type) {
        return Optional.ofNullable((Component<SinkFactory>) byKind.get(ComponentKind.SINK).get(type));
    }

    @SuppressWarnings("unchecked")
    public Optional<Component<OperatorFactory>> operator(String type) {
        return Optional.ofNullable((Component<OperatorFactory>) byKind.get(ComponentKind.OPERATOR).get(type));
    }

    @SuppressWarnings("unchecked")
    public Optional<Component<BatchTransformFactory>> transform(String type) {
        return Optional.ofNullable((Component<BatchTransformFactory>) byKind.get(ComponentKind.TRANSFORM).get(type));
    }

    /** The type names of one kind, sorted. */
    public List<String> types(ComponentKind kind) {
        return byKind.get(kind).keySet().stream().sorted().toList();
    }

    /** Every component, sorted by kind then type. */
    public List<Component<?>> all() {
        List<Component<?>> out = new ArrayList<>();
        for (ComponentKind k : ComponentKind.values()) {
            byKind.get(k).values().stream().sorted(Comparator.comparing(Component::type)).forEach(out::add);
        }
        return out;
    }

    /** Plugins or extensions that failed to load (the rest loaded). */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** Collects components; a second component of the same kind and type is recorded as a problem naming both. */
    public static final class Builder {
        private static final Logger log = LoggerFactory.getLogger(ComponentRegistry.class);

        private final Map<ComponentKind, Map<String, Component<?>>> byKind = new LinkedHashMap<>();
        private final List<PluginProblem> problems = new ArrayList<>();
        private final Map<ComponentKind, java.util.Set<String>> conflicted = new LinkedHashMap<>();

        private Builder() {
            for (ComponentKind k : ComponentKind.values()) {
                byKind.put(k, new LinkedHashMap<>());
            }
        }

        public Builder add(Component<?> component) {
            Map<String, Component<?>> types = byKind.get(component.kind());
            Component<?> existing = types.get(component.type());
            if (existing == null && stepKind(component.kind()) != null) {
                existing = byKind.get(stepKind(component.kind())).get(component.type()); // one namespace of step types
            }
            if (existing != null) {
                PluginProblem problem = new PluginProblem(component.origin(), component.kind().label() + " type '"
                        + component.type() + "' is claimed by both " + describe(existing) + " and "
                        + describe(component) + "; neither is usable until one is removed", null);
                problems.add(problem);
                log.warn("{}", problem);
                conflicted.computeIfAbsent(component.kind(), k -> new java.util.HashSet<>()).add(component.type());
                conflicted.computeIfAbsent(existing.kind(), k -> new java.util.HashSet<>()).add(component.type());
                return this;
            }
            types.put(component.type(), component);
            return this;
        }

        public Builder problem(PluginProblem problem) {
            problems.add(problem);
            return this;
        }

        public ComponentRegistry build() {
            Map<ComponentKind, Map<String, Component<?>>> frozen = new LinkedHashMap<>();
            byKind.forEach((k, v) -> {
                Map<String, Component<?>> usable = new LinkedHashMap<>(v);
                usable.keySet().removeAll(conflicted.getOrDefault(k, java.util.Set.of()));
                frozen.put(k, Map.copyOf(usable));
            });
            return new ComponentRegistry(frozen, problems);
        }

        /** The other kind whose types are step types too, or {@code null}. */
        private static ComponentKind stepKind(ComponentKind kind) {
            return switch (kind) {
                case OPERATOR -> ComponentKind.TRANSFORM;
                case TRANSFORM -> ComponentKind.OPERATOR;
                default -> null;
            };
        }

        private static String describe(Component<?> c) {
            if ("classpath".equals(c.origin())) {
                return "the classpath (" + c.factory().getClass().getName() + ")";
            }
            return "plugin '" + c.pluginId() + "' (" + c.origin() + ")";
        }
    }
}

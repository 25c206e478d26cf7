package io.sluice.platform.plugin;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.operator.BatchTransformFactory;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.SourceFactory;

/**
 * The kinds of component a plugin can contribute, each with its extension point. Operators and
 * transforms are both pipeline steps and share one namespace of step types.
 */
public enum ComponentKind {
    SOURCE(SourceFactory.class),
    SINK(SinkFactory.class),
    OPERATOR(OperatorFactory.class),
    TRANSFORM(BatchTransformFactory.class);

    private final Class<? extends ComponentFactory> extensionPoint;

    ComponentKind(Class<? extends ComponentFactory> extensionPoint) {
        this.extensionPoint = extensionPoint;
    }

    public Class<? extends ComponentFactory> extensionPoint() {
        return extensionPoint;
    }

    /** Lower-case name as used in messages and YAML sections: {@code source}, {@code sink}, {@code operator}, {@code transform}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind whose extension point {@code factory} implements. */
    public static ComponentKind of(ComponentFactory factory) {
        for (ComponentKind k : values()) {
            if (k.extensionPoint.isInstance(factory)) {
                return k;
            }
        }
        throw new IllegalArgumentException(factory.getClass().getName() + " implements no Sluice extension point");
    }
}

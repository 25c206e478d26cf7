package io.sluice.platform.plugin;

import io.sluice.spi.ComponentFactory;
import java.util.Objects;

/**
 * A registered component type: its factory and where it came from.
 *
 * @param kind          source, sink or operator
 * @param factory       the factory; for plugin components, calls into it and into what it creates
 *                      already run with the plugin's class loader as thread context class loader
 * @param pluginId      the contributing plugin's id, or {@code "classpath"} for embedded extensions
 * @param pluginVersion the plugin's version, or the platform version for classpath extensions
 * @param origin        the plugin file (or {@code "classpath"}), for messages
 * @param <F>           the factory type
 */
public record Component<F extends ComponentFactory>(
        ComponentKind kind, F factory, String pluginId, String pluginVersion, String origin) {

    public Component {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(origin, "origin");
    }

    public String type() {
        return factory.type();
    }
}

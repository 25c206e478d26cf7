package io.sluice.platform.docs;

import io.sluice.platform.plugin.Component;

/** The reference page of one component type: what it is, where it comes from, its configuration. */
public final class ComponentDoc {
    private ComponentDoc() {
    }

    public static String render(Component<?> component) {
        var factory = component.factory();
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(component.kind().label()).append(" `").append(factory.type()).append("`\n\n");
        sb.append(factory.description()).append("\n\n");
        sb.append("Plugin: `").append(component.pluginId()).append("` ").append(component.pluginVersion()).append("\n\n");
        sb.append(ConfigSpecTable.render(factory.configSpec()));
        return sb.toString();
    }
}

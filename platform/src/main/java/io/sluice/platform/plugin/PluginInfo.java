package io.sluice.platform.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plugin that loaded and started, as {@code sluice plugins} lists it. Its components are in the
 * {@link ComponentRegistry} with the same {@link Component#pluginId()}.
 *
 * <pre>{@code
 * for (PluginInfo p : host.plugins()) {
 *     System.out.println(p.id() + " " + p.version() + " (" + p.file() + ")");
 * }
 * }</pre>
 *
 * @param id          {@code Plugin-Id} / {@code plugin.id}
 * @param version     {@code Plugin-Version} / {@code plugin.version}
 * @param requires    {@code Plugin-Requires} / {@code plugin.requires} ({@code *} when absent)
 * @param provider    {@code Plugin-Provider}, or {@code null}
 * @param description {@code Plugin-Description}, possibly empty
 * @param file        the zip or jar in the plugins directory
 */
public record PluginInfo(String id, String version, String requires, String provider, String description, Path file) {
    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }
}

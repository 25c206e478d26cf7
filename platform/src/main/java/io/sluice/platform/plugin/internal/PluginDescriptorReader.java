package io.sluice.platform.plugin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.util.FileUtils;

/**
 * Reads a plugin's descriptor: {@code plugin.properties} at the top of an (extracted) plugin zip,
 * {@code MANIFEST.MF} ({@code Plugin-Id}, {@code Plugin-Version}, ...) in a plugin jar.
 *
 * <p>Replaces pf4j's {@code CompoundPluginDescriptorFinder}, which tries every finder, logs each
 * failure and then throws a bare "No PluginDescriptorFinder for plugin" without the cause: here
 * the layout decides which descriptor applies, and the error says what is missing.
 */
final class PluginDescriptorReader implements PluginDescriptorFinder {
    private static final String PROPERTIES = PropertiesPluginDescriptorFinder.DEFAULT_PROPERTIES_FILE_NAME;

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath) || FileUtils.isJarFile(pluginPath);
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        if (Files.isDirectory(pluginPath)) {
            if (!Files.isRegularFile(pluginPath.resolve(PROPERTIES))) {
                throw new PluginRuntimeException("the zip has no " + PROPERTIES + " at its top level"
                        + " (it needs plugin.id, plugin.version and plugin.requires)");
            }
            return new PropertiesPluginDescriptorFinder().find(pluginPath);
        }
        if (hasPluginId(readManifest(pluginPath))) {
            return new ManifestPluginDescriptorFinder().find(pluginPath);
        }
        if (containsEntry(pluginPath, PROPERTIES)) {
            return new PropertiesPluginDescriptorFinder().find(pluginPath);
        }
        throw new PluginRuntimeException("the jar's META-INF/MANIFEST.MF has no " + ManifestPluginDescriptorFinder.PLUGIN_ID
                + " (a plugin jar's manifest needs Plugin-Id, Plugin-Version and Plugin-Requires)");
    }

    private static Manifest readManifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException e) {
            throw new PluginRuntimeException(e, "not a readable jar: {}", e.getMessage());
        }
    }

    private static boolean hasPluginId(Manifest manifest) {
        if (manifest == null) {
            return false;
        }
        String id = manifest.getMainAttributes().getValue(new Attributes.Name(ManifestPluginDescriptorFinder.PLUGIN_ID));
        return id != null && !id.isBlank();
    }

    private static boolean containsEntry(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(name) != null;
        } catch (IOException e) {
            throw new PluginRuntimeException(e, "not a readable jar: {}", e.getMessage());
        }
    }
}

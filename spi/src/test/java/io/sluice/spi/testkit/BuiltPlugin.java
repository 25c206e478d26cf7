package io.sluice.spi.testkit;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.SpiVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * A built plugin (zip or jar) loaded the way the host loads it: with pf4j, from a plugins directory
 * of its own, child-first, with the SPI shared from this class path and {@code Plugin-Requires}
 * checked against {@link SpiVersion#CURRENT}. For a plugin module's integration test, after
 * {@code package}.
 *
 * <pre>{@code
 * try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.file")))) {
 *     assertThat(plugin.types(SourceFactory.class)).containsExactly("generator");
 * }
 * }</pre>
 */
public final class BuiltPlugin implements AutoCloseable {
    private final Path dir;
    private final PluginManager manager;
    private final PluginWrapper plugin;

    private BuiltPlugin(Path dir, PluginManager manager, PluginWrapper plugin) {
        this.dir = dir;
        this.manager = manager;
        this.plugin = plugin;
    }

    /**
     * Copies {@code file} into a fresh plugins directory, loads and starts it.
     *
     * @throws AssertionError if pf4j does not load it or it does not start, with pf4j's reason
     */
    public static BuiltPlugin load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no built plugin at " + file + " (run after `package`)");
        }
        try {
            Path dir = Files.createTempDirectory("sluice-plugins-");
            Files.copy(file, dir.resolve(file.getFileName()));
            DefaultPluginManager manager = new DefaultPluginManager(dir);
            manager.setSystemVersion(SpiVersion.CURRENT);
            manager.loadPlugins();
            manager.startPlugins();
            List<PluginWrapper> plugins = manager.getPlugins();
            if (plugins.size() != 1) {
                throw new AssertionError("pf4j loaded " + plugins.size() + " plugins from " + file + " (see its log for why)");
            }
            PluginWrapper plugin = plugins.get(0);
            if (plugin.getPluginState() != PluginState.STARTED) {
                throw new AssertionError("plugin " + plugin.getPluginId() + " is " + plugin.getPluginState(), plugin.getFailedException());
            }
            return new BuiltPlugin(dir, manager, plugin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String id() {
        return plugin.getPluginId();
    }

    public String version() {
        return plugin.getDescriptor().getVersion();
    }

    public String requires() {
        return plugin.getDescriptor().getRequires();
    }

    /** The type names of the plugin's extensions of one kind ({@code SourceFactory.class}, ...), sorted. */
    public <F extends ComponentFactory> List<String> types(Class<F> extensionPoint) {
        return manager.getExtensions(extensionPoint, plugin.getPluginId()).stream().map(ComponentFactory::type).sorted().toList();
    }

    /** The plugin's extensions of one kind, instantiated by pf4j in the plugin's class loader. */
    public <F extends ComponentFactory> List<F> extensions(Class<F> extensionPoint) {
        return manager.getExtensions(extensionPoint, plugin.getPluginId());
    }

    /** The class loader pf4j gave the plugin. */
    public ClassLoader classLoader() {
        return plugin.getPluginClassLoader();
    }

    @Override
    public void close() {
        manager.stopPlugin(plugin.getPluginId());
        manager.unloadPlugin(plugin.getPluginId());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

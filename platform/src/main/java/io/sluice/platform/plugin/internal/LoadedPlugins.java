package io.sluice.platform.plugin.internal;

import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.ComponentKind;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.plugin.PluginInfo;
import io.sluice.spi.ComponentFactory;
import io.sluice.spi.SluiceException;
import io.sluice.spi.SpiVersion;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one plugins directory: loaded, checked, started, registered; and, on
 * {@link #close()}, stopped and unloaded one at a time, and their work directory deleted.
 *
 * <pre>{@code
 * LoadedPlugins plugins = LoadedPlugins.load(files, workParent, registry, problems);
 * ...
 * plugins.close();
 * }</pre>
 */
public final class LoadedPlugins implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadedPlugins.class);

    private final SluicePluginManager manager;
    private final ProblemReporter problems;
    private final List<PluginInfo> started = new ArrayList<>();
    private Path workDirectory;
    private boolean closed;

    private LoadedPlugins(SluicePluginManager manager, ProblemReporter problems) {
        this.manager = manager;
        this.problems = problems;
    }

    /**
     * Loads every file in {@code pluginFiles} ({@code .zip} or {@code .jar}); each failure is a
     * problem, and the other plugins still load.
     *
     * @param workParent where the work directory for extracted zips is created
     */
    public static LoadedPlugins load(Path pluginsDirectory, List<Path> pluginFiles, Path workParent,
                                     ComponentRegistry.Builder registry, ProblemReporter problems) {
        LoadedPlugins plugins = new LoadedPlugins(new SluicePluginManager(pluginsDirectory), problems);
        try {
            plugins.loadAll(pluginFiles, workParent, registry);
        } catch (RuntimeException | Error e) {
            try {
                plugins.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return plugins;
    }

    /** The plugins that loaded and started, in load order. */
    public List<PluginInfo> plugins() {
        return Collections.unmodifiableList(started);
    }

    /** Where zips were extracted, if any were. */
    public Optional<Path> workDirectory() {
        return Optional.ofNullable(workDirectory);
    }

    private void loadAll(List<Path> files, Path workParent, ComponentRegistry.Builder registry) {
        List<PluginWrapper> loaded = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(manager.load(unpacked(file, workParent), file));
            } catch (IOException | RuntimeException | LinkageError e) {
                problems.report(file.toString(), ProblemReporter.describe(e), e);
            }
        }
        try {
            manager.resolve();
        } catch (RuntimeException e) {
            for (PluginWrapper plugin : loaded) {
                refuse(plugin, manager.originOf(plugin).toString(), "cannot resolve the plugins' Plugin-Dependencies: "
                        + ProblemReporter.describe(e), e);
            }
            return;
        }
        for (PluginWrapper plugin : loaded) {
            activate(plugin, registry);
        }
    }

    private Path unpacked(Path file, Path workParent) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return file;
        }
        if (workDirectory == null) {
            Files.createDirectories(workParent);
            workDirectory = Files.createTempDirectory(workParent, "sluice-plugins-");
        }
        return ZipExtraction.extract(file, workDirectory);
    }

    private void activate(PluginWrapper plugin, ComponentRegistry.Builder registry) {
        PluginDescriptor descriptor = plugin.getDescriptor();
        String origin = manager.originOf(plugin).toString();
        if (manager.getPlugin(plugin.getPluginId()) != plugin) {
            problems.report(origin, "plugin '" + plugin.getPluginId() + "' needs plugins that are missing or of the"
                    + " wrong version (Plugin-Dependencies: " + descriptor.getDependencies() + ")", null);
            return;
        }
        if (!manager.requirementsMet(plugin)) {
            refuse(plugin, origin, "plugin '" + plugin.getPluginId() + "' requires Sluice " + descriptor.getRequires()
                    + " (Plugin-Requires) but this is Sluice " + SpiVersion.CURRENT, null);
            return;
        }
        URLClassLoader loader = (URLClassLoader) plugin.getPluginClassLoader();
        List<ComponentFactory> factories;
        try {
            Optional<String> spi = BundledSpi.find(loader);
            if (spi.isPresent()) {
                refuse(plugin, origin, "plugin '" + plugin.getPluginId() + "' bundles the Sluice SPI (" + spi.get()
                        + "); declare io.sluice:sluice-spi with <scope>provided</scope> so the host's copy is used", null);
                return;
            }
            factories = factories(plugin, loader, origin);
        } catch (IOException | RuntimeException e) {
            refuse(plugin, origin, "cannot read plugin '" + plugin.getPluginId() + "': " + ProblemReporter.describe(e), e);
            return;
        }
        if (factories.isEmpty() || !start(plugin, origin)) {
            unload(plugin);
            return;
        }
        for (ComponentFactory factory : factories) {
            registry.add(new Component<>(ComponentKind.of(factory), PluginComponents.wrap(factory, loader),
                    plugin.getPluginId(), descriptor.getVersion(), origin));
        }
        started.add(new PluginInfo(plugin.getPluginId(), descriptor.getVersion(), descriptor.getRequires(),
                descriptor.getProvider(), descriptor.getPluginDescription(), manager.originOf(plugin)));
    }

    private List<ComponentFactory> factories(PluginWrapper plugin, URLClassLoader loader, String origin) throws IOException {
        Set<String> names = ExtensionLoader.readIndex(loader.findResources(ExtensionLoader.INDEX));
        if (names.isEmpty()) {
            problems.report(origin, "plugin '" + plugin.getPluginId() + "' declares no extensions: "
                    + ExtensionLoader.INDEX + " is missing or empty (annotate factories with @org.pf4j.Extension"
                    + " and run pf4j's annotation processor)", null);
            return List.of();
        }
        return new ExtensionLoader(problems, true).instantiate(names, loader, origin, new ContextLoader(loader));
    }

    private boolean start(PluginWrapper plugin, String origin) {
        ContextLoader context = new ContextLoader(plugin.getPluginClassLoader());
        ClassLoader previous = context.enter();
        try {
            if (plugin.getPlugin() == null) {
                problems.report(origin, "plugin '" + plugin.getPluginId() + "': Plugin-Class "
                        + plugin.getDescriptor().getPluginClass() + " cannot be instantiated (see the log above)", null);
                return false;
            }
            PluginState state = manager.startPlugin(plugin.getPluginId());
            if (state != PluginState.STARTED) {
                problems.report(origin, "plugin '" + plugin.getPluginId() + "' did not start (state " + state + ")", null);
                return false;
            }
            return true;
        } catch (RuntimeException | LinkageError e) {
            problems.report(origin, "plugin '" + plugin.getPluginId() + "' failed to start: " + ProblemReporter.describe(e), e);
            return false;
        } finally {
            ContextLoader.exit(previous);
        }
    }

    private void refuse(PluginWrapper plugin, String origin, String message, Throwable cause) {
        problems.report(origin, message, cause);
        unload(plugin);
    }

    private void unload(PluginWrapper plugin) {
        try {
            manager.unloadPlugin(plugin.getPluginId());
        } catch (RuntimeException e) {
            log.warn("{}: could not unload plugin '{}'", manager.originOf(plugin), plugin.getPluginId(), e);
        }
    }

    /**
     * Stops the started plugins one at a time (last started first), unloads them (closing their
     * class loaders) and deletes the work directory. Every step is attempted.
     *
     * @throws SluiceException if any plugin failed to stop or unload or the directory could not be
     *                         deleted (after trying everything; the failures are suppressed exceptions)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Throwable> failures = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            ids.add(started.get(i).id());
        }
        manager.getPlugins().stream().map(PluginWrapper::getPluginId).filter(id -> !ids.contains(id)).forEach(ids::add);
        for (String id : ids) {
            PluginWrapper plugin = manager.getPlugin(id);
            ContextLoader context = new ContextLoader(plugin.getPluginClassLoader());
            ClassLoader previous = context.enter();
            try {
                manager.stopPlugin(id);
            } catch (RuntimeException | LinkageError e) {
                log.warn("plugin '{}' failed to stop", id, e);
                failures.add(e);
            } finally {
                ContextLoader.exit(previous);
            }
            try {
                manager.unloadPlugin(id);
            } catch (RuntimeException e) {
                log.warn("plugin '{}' could not be unloaded", id, e);
                failures.add(e);
            }
        }
        if (workDirectory != null) {
            try {
                WorkDirectory.delete(workDirectory);
            } catch (IOException e) {
                log.warn("could not delete the plugin work directory {}", workDirectory, e);
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            SluiceException failure = new SluiceException(failures.size() + " problem(s) while stopping plugins: "
                    + ProblemReporter.describe(failures.get(0)));
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}

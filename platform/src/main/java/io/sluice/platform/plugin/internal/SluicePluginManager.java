package io.sluice.platform.plugin.internal;

import io.sluice.spi.ComponentFactory;
import io.sluice.spi.SpiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.BasePluginLoader;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginClasspath;
import org.pf4j.DefaultPluginManager;
import org.pf4j.InvalidPluginDescriptorException;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.util.FileUtils;
import org.pf4j.util.StringUtils;

/**
 * pf4j's {@link DefaultPluginManager} (3.14.1) adapted to Sluice:
 * <ul>
 *   <li>the {@link io.sluice.platform.plugin.PluginHost} lists the plugins directory and loads each
 *   plugin itself ({@link #load}), so one failure is caught and reported per file; pf4j's own
 *   {@code loadPlugins()} would extract zips next to them (impossible in a read-only install) and
 *   only log failures;</li>
 *   <li>plugins get {@link IsolatingPluginClassLoader}s whose parent is the loader of the SPI;</li>
 *   <li>the system version is {@link SpiVersion#CURRENT}: a plugin whose {@code Plugin-Requires}
 *   it does not satisfy is left {@link PluginState#DISABLED} by pf4j ({@link #requirementsMet});
 *   a bare {@code 0.1.0} means {@code >=0.1.0}, as in pf4j;</li>
 *   <li>{@code enabled.txt}/{@code disabled.txt} are not consulted: a plugin is used if its file is
 *   in the directory;</li>
 *   <li>a plugin whose {@code Plugin-Dependencies} cannot be resolved is unloaded instead of
 *   failing every other plugin ({@code IGNORE_PLUGIN_AND_CONTINUE}).</li>
 * </ul>
 * Not thread-safe, like pf4j's managers.
 *
 * <pre>{@code
 * SluicePluginManager manager = new SluicePluginManager(pluginsDir);
 * PluginWrapper plugin = manager.load(extractedDir, zipFile);
 * manager.resolve();
 * }</pre>
 */
public final class SluicePluginManager extends DefaultPluginManager {
    private static final ClassLoader HOST = ComponentFactory.class.getClassLoader();

    private final Map<Path, Path> origins = new HashMap<>();

    public SluicePluginManager(Path pluginsRoot) {
        super(pluginsRoot);
        setSystemVersion(SpiVersion.CURRENT);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * Loads one plugin (a jar, or the directory a plugin zip was extracted to) without starting it.
     *
     * @param origin the file the user dropped in the plugins directory, for messages
     * @throws PluginRuntimeException (or any other exception) when the plugin cannot be loaded
     */
    public PluginWrapper load(Path pluginPath, Path origin) {
        origins.put(pluginPath, origin);
        PluginWrapper plugin = loadPluginFromPath(pluginPath);
        if (plugin == null) {
            throw new PluginRuntimeException("pf4j could not load the plugin (see the log above)");
        }
        return plugin;
    }

    /** Resolves plugin dependencies; plugins whose dependencies are missing are unloaded. */
    public void resolve() {
        resolvePlugins();
    }

    /** Whether the plugin's {@code Plugin-Requires} is satisfied by {@link SpiVersion#CURRENT}. */
    public boolean requirementsMet(PluginWrapper plugin) {
        return plugin.getPluginState() != PluginState.DISABLED;
    }

    /** The file a loaded plugin came from (the zip, not the directory it was extracted to). */
    public Path originOf(PluginWrapper plugin) {
        return origins.getOrDefault(plugin.getPluginPath(), plugin.getPluginPath());
    }

    @Override
    protected void validatePluginDescriptor(PluginDescriptor descriptor) {
        if (StringUtils.isNullOrEmpty(descriptor.getPluginId())) {
            throw new InvalidPluginDescriptorException("the plugin descriptor has no plugin id"
                    + " (Plugin-Id in MANIFEST.MF, plugin.id in plugin.properties)");
        }
        if (StringUtils.isNullOrEmpty(descriptor.getVersion())) {
            throw new InvalidPluginDescriptorException("plugin '" + descriptor.getPluginId() + "' has no version"
                    + " (Plugin-Version in MANIFEST.MF, plugin.version in plugin.properties)");
        }
        String requires = descriptor.getRequires();
        try {
            getVersionManager().checkVersionConstraint(getSystemVersion(), requires);
        } catch (RuntimeException e) {
            throw new InvalidPluginDescriptorException("plugin '" + descriptor.getPluginId() + "' has an invalid"
                    + " Plugin-Requires '" + requires + "' (expected a semver expression such as >=0.1.0): " + e.getMessage());
        }
        PluginWrapper other = plugins.get(descriptor.getPluginId());
        if (other != null) {
            throw new PluginRuntimeException("plugin id '" + descriptor.getPluginId() + "' is already used by "
                    + originOf(other) + "; plugin ids must be unique");
        }
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new PluginDescriptorReader();
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new JarLoader()).add(new DirectoryLoader());
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return List.of();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                throw new UnsupportedOperationException("Sluice plugins are disabled by removing their file");
            }

            @Override
            public void enablePlugin(String pluginId) {
                throw new UnsupportedOperationException("Sluice plugins are enabled by adding their file");
            }
        };
    }

    /** A single-jar plugin: the jar is the plugin's whole class path. */
    private final class JarLoader implements PluginLoader {
        @Override
        public boolean isApplicable(Path pluginPath) {
            return Files.isRegularFile(pluginPath) && FileUtils.isJarFile(pluginPath);
        }

        @Override
        public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
            PluginClassLoader loader = new IsolatingPluginClassLoader(SluicePluginManager.this, descriptor, HOST);
            loader.addFile(pluginPath.toFile());
            return loader;
        }
    }

    /** An extracted plugin zip: {@code classes/} and {@code lib/*.jar}. */
    private final class DirectoryLoader extends BasePluginLoader {
        DirectoryLoader() {
            super(SluicePluginManager.this, new DefaultPluginClasspath());
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new IsolatingPluginClassLoader(pluginManager, descriptor, HOST);
        }
    }
}

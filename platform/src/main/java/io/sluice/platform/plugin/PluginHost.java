package io.sluice.platform.plugin;

import io.sluice.platform.plugin.internal.ClasspathExtensions;
import io.sluice.platform.plugin.internal.LoadedPlugins;
import io.sluice.platform.plugin.internal.ProblemReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Sluice components from pf4j plugins in a plugins directory and, for embedded use, from
 * extensions on the application class path, into a {@link ComponentRegistry}.
 *
 * <p><b>Plugins</b> are the {@code .zip} and {@code .jar} files directly in the plugins directory
 * (other files are ignored), loaded in file name order:
 * <ul>
 *   <li>a zip holds {@code plugin.properties} ({@code plugin.id}, {@code plugin.version},
 *   {@code plugin.requires}, ...) and {@code lib/*.jar} (and optionally {@code classes/});</li>
 *   <li>a jar holds {@code Plugin-Id}, {@code Plugin-Version}, {@code Plugin-Requires}, ... in its
 *   manifest.</li>
 * </ul>
 * Factories are found through pf4j's {@code META-INF/extensions.idx}. Each plugin has its own
 * child-first class loader; {@code java.*}, {@code io.sluice.spi.*}, {@code org.pf4j.*} and
 * {@code org.slf4j.*} always come from the host. Every call into a plugin's factories, and into
 * everything they create, runs with the plugin's class loader as thread context class loader.
 *
 * <p><b>Failures</b>: a plugin that cannot be used (unreadable descriptor, missing or broken
 * extension class, the SPI bundled inside, {@code Plugin-Requires} not satisfied by
 * {@link io.sluice.spi.SpiVersion#CURRENT}, duplicate plugin id) is reported in
 * {@link ComponentRegistry#problems()} with its file and cause, and logged at WARN; the other
 * plugins load. Two components claiming one type name are reported naming both files, and neither
 * is usable.
 *
 * <p><b>Zips</b> are never extracted next to themselves (pf4j's default): they are extracted into a
 * private work directory ({@code sluice-plugins-*} under {@code java.io.tmpdir}, or under
 * {@link Builder#workDirectoryParent}) that {@link #close()} deletes. A read-only installation
 * therefore works and leaves nothing behind in {@code plugins/}; only a JVM killed before
 * {@code close()} leaves a work directory in the temp directory.
 *
 * <p>Not thread-safe while loading or closing; the registry is immutable and may be shared.
 *
 * <pre>{@code
 * Path dir = PluginsDirectory.resolve(pluginsDirOption).map(PluginsDirectory::path).orElse(null);
 * try (PluginHost host = PluginHost.load(dir)) {
 *     ComponentRegistry registry = host.registry();
 *     registry.problems().forEach(p -> System.err.println(p));
 *     SourceFactory generator = registry.source("generator").orElseThrow().factory();
 * }
 * }</pre>
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final ComponentRegistry registry;
    private final LoadedPlugins plugins;
    private final Path pluginsDirectory;

    private PluginHost(ComponentRegistry registry, LoadedPlugins plugins, Path pluginsDirectory) {
        this.registry = registry;
        this.plugins = plugins;
        this.pluginsDirectory = pluginsDirectory;
    }

    /**
     * Loads the plugins of {@code pluginsDirectory} ({@code null}, absent or empty: none) and the
     * extensions on the class path of the platform's own class loader.
     */
    public static PluginHost load(Path pluginsDirectory) {
        return builder().pluginsDirectory(pluginsDirectory).load();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every component that loaded, and the problems of those that did not. */
    public ComponentRegistry registry() {
        return registry;
    }

    /** The plugins that loaded and started, in load order. */
    public List<PluginInfo> plugins() {
        return plugins == null ? List.of() : plugins.plugins();
    }

    /** The directory plugins were loaded from, if any. */
    public Optional<Path> pluginsDirectory() {
        return Optional.ofNullable(pluginsDirectory);
    }

    /** The directory zips were extracted to, while the host is open (only if there were zips). */
    public Optional<Path> workDirectory() {
        return plugins == null ? Optional.empty() : plugins.workDirectory();
    }

    /**
     * Stops the plugins one at a time (last started first), closes their class loaders and deletes
     * the work directory. Components from this host must not be used afterwards.
     *
     * @throws io.sluice.spi.SluiceException if a plugin failed to stop or the work directory could
     *         not be deleted (everything else was still attempted)
     */
    @Override
    public void close() {
        if (plugins != null) {
            plugins.close();
        }
    }

    /** Chooses where components come from. */
    public static final class Builder {
        private Path pluginsDirectory;
        private ClassLoader classpath = PluginHost.class.getClassLoader();
        private Path workDirectoryParent = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder() {
        }

        /** The directory holding plugin zips and jars; {@code null} for none. */
        public Builder pluginsDirectory(Path directory) {
            this.pluginsDirectory = directory;
            return this;
        }

        /**
         * The class loader whose {@code META-INF/extensions.idx} files list classpath extensions
         * (default: the platform's own); {@code null} to load plugins only.
         */
        public Builder classpath(ClassLoader loader) {
            this.classpath = loader;
            return this;
        }

        /** Where the work directory for extracted zips is created (default {@code java.io.tmpdir}). */
        public Builder workDirectoryParent(Path directory) {
            this.workDirectoryParent = directory;
            return this;
        }

        public PluginHost load() {
            ComponentRegistry.Builder registry = ComponentRegistry.builder();
            ProblemReporter problems = new ProblemReporter(registry);
            if (classpath != null) {
                ClasspathExtensions.register(classpath, registry, problems);
            }
            LoadedPlugins plugins = null;
            if (pluginsDirectory != null) {
                List<Path> files = pluginFiles(pluginsDirectory, problems);
                if (!files.isEmpty()) {
                    plugins = LoadedPlugins.load(pluginsDirectory, files, workDirectoryParent, registry, problems);
                }
            }
            ComponentRegistry built = registry.build();
            log.info("{} component(s) from {} plugin(s) and the classpath; {} problem(s)", built.all().size(),
                    plugins == null ? 0 : plugins.plugins().size(), built.problems().size());
            return new PluginHost(built, plugins, pluginsDirectory);
        }

        private static List<Path> pluginFiles(Path directory, ProblemReporter problems) {
            if (!Files.exists(directory)) {
                log.info("plugins directory {} does not exist: no plugins loaded", directory);
                return List.of();
            }
            if (!Files.isDirectory(directory)) {
                problems.report(directory.toString(), "the plugins directory is not a directory", null);
                return List.of();
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : entries.sorted().toList()) {
                    String name = entry.getFileName().toString();
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (name.startsWith(".")) {
                        continue;
                    }
                    if (Files.isRegularFile(entry) && (lower.endsWith(".zip") || lower.endsWith(".jar"))) {
                        files.add(entry);
                    } else {
                        log.info("ignoring {}: plugins are .zip or .jar files", entry);
                    }
                }
            } catch (IOException e) {
                problems.report(directory.toString(), "cannot list the plugins directory: " + ProblemReporter.describe(e), e);
            }
            return files;
        }
    }
}

package io.sluice.platform.plugin;

import io.sluice.spi.config.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where plugins are loaded from, and why: the {@code --plugins-dir} option if given, else the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else {@code plugins/} under the
 * installation directory (system property {@value #HOME_PROPERTY}, set by {@code bin/sluice}),
 * else nowhere (embedded use: classpath extensions only). Blank values count as unset. Resolution
 * does not look at the file system: a directory that does not exist simply holds no plugins.
 *
 * <pre>{@code
 * Optional<PluginsDirectory> dir = PluginsDirectory.resolve(option, System.getenv(), System.getProperty("sluice.home"));
 * PluginHost host = PluginHost.load(dir.map(PluginsDirectory::path).orElse(null));
 * }</pre>
 *
 * @param path   the directory
 * @param source what chose it: {@code "--plugins-dir"}, {@value #ENVIRONMENT_VARIABLE} or {@value #HOME_PROPERTY}
 */
public record PluginsDirectory(Path path, String source) {
    public static final String OPTION = "--plugins-dir";
    public static final String ENVIRONMENT_VARIABLE = "SLUICE_PLUGINS_DIR";
    public static final String HOME_PROPERTY = "sluice.home";

    public PluginsDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param option      the {@code --plugins-dir} value, or {@code null}
     * @param environment the process environment (inject {@code System.getenv()})
     * @param sluiceHome  the {@value #HOME_PROPERTY} system property, or {@code null}
     * @throws ConfigException if the chosen value is not a valid path
     */
    public static Optional<PluginsDirectory> resolve(Path option, Map<String, String> environment, String sluiceHome) {
        if (option != null) {
            return Optional.of(new PluginsDirectory(option, OPTION));
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new PluginsDirectory(toPath(fromEnvironment.strip(), ENVIRONMENT_VARIABLE), ENVIRONMENT_VARIABLE));
        }
        if (sluiceHome != null && !sluiceHome.isBlank()) {
            return Optional.of(new PluginsDirectory(toPath(sluiceHome.strip(), HOME_PROPERTY).resolve("plugins"), HOME_PROPERTY));
        }
        return Optional.empty();
    }

    /** {@link #resolve(Path, Map, String)} with this process's environment and system properties. */
    public static Optional<PluginsDirectory> resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty(HOME_PROPERTY));
    }

    private static Path toPath(String value, String source) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(source + " is not a valid path: '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        return path + " (from " + source + ")";
    }
}

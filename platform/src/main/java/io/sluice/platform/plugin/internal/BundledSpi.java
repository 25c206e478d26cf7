package io.sluice.platform.plugin.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds SPI classes packed into a plugin. The host never loads them (the SPI always comes from the
 * host), but a plugin that bundles them was built with {@code sluice-spi} in the wrong scope and is
 * likely to carry other host libraries too, so it is refused with a message saying how to fix it.
 *
 * <pre>{@code
 * BundledSpi.find(pluginLoader).ifPresent(where -> refuse(where));
 * }</pre>
 */
final class BundledSpi {
    static final String SPI_DIRECTORY = "io/sluice/spi/";

    private BundledSpi() {
    }

    /** Where the plugin's own class path holds an SPI class, e.g. {@code "io/sluice/spi/Record.class in lib/x.jar"}. */
    static Optional<String> find(URLClassLoader pluginLoader) {
        for (URL url : pluginLoader.getURLs()) {
            Path path = toPath(url);
            Optional<String> found = Files.isDirectory(path) ? inDirectory(path) : inJar(path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inDirectory(Path directory) {
        Path spi = directory.resolve(SPI_DIRECTORY);
        return Files.isDirectory(spi) ? Optional.of(SPI_DIRECTORY + " in " + directory.getFileName()) : Optional.empty();
    }

    private static Optional<String> inJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(SPI_DIRECTORY) && name.endsWith(".class")) {
                    return Optional.of(name + " in " + jar.getFileName());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("plugin class path entry is not a file: " + url, e);
        }
    }
}

package io.sluice.platform.plugin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pf4j.PluginRuntimeException;

/**
 * Extracts a plugin zip into a directory the host owns. pf4j would extract {@code foo.zip} to a
 * sibling {@code foo/} inside the plugins directory, which fails in a read-only installation and
 * leaves stale copies behind; the host extracts into its work directory instead and deletes it on
 * close.
 *
 * <pre>{@code
 * Path dir = ZipExtraction.extract(pluginsDir.resolve("generator-0.1.0.zip"), workDir);
 * }</pre>
 */
final class ZipExtraction {
    private ZipExtraction() {
    }

    /**
     * Extracts {@code zip} to {@code workDir/<zip name without .zip>}.
     *
     * @throws PluginRuntimeException if the zip cannot be read or an entry would land outside the target
     */
    static Path extract(Path zip, Path workDir) throws IOException {
        String name = zip.getFileName().toString();
        Path target = workDir.resolve(name.substring(0, name.length() - ".zip".length())).normalize();
        Files.createDirectories(target);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new PluginRuntimeException("zip entry '" + entry.getName() + "' points outside the plugin");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new PluginRuntimeException(e, "not a readable zip: {}", e.getMessage());
        }
        return target;
    }
}

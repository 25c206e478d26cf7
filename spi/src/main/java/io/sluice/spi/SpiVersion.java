package io.sluice.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the Sluice platform and SPI this jar belongs to. A plugin's
 * {@code Plugin-Requires} manifest entry (a semver expression such as {@code >=0.1.0}) is checked
 * against {@link #CURRENT}; a plugin that requires a newer platform is refused with a message
 * naming both versions.
 *
 * <pre>{@code
 * log.info("running on Sluice {}", SpiVersion.CURRENT);
 * }</pre>
 */
public final class SpiVersion {
    /** The platform version, e.g. {@code 0.1.0}, without any {@code -SNAPSHOT} qualifier. */
    public static final String CURRENT = load();

    private SpiVersion() {
    }

    private static String load() {
        try (InputStream in = SpiVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/sluice/spi/version.properties missing from the spi jar");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

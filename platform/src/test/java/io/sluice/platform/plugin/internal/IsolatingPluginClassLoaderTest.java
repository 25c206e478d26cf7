package io.sluice.platform.plugin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.plugin.LibraryProbe;
import io.sluice.platform.plugin.TestPlugins;
import io.sluice.spi.Record;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginClassLoader;
import org.slf4j.Logger;

/** A jar holding its own copies of an SPI class and of a library class shows who wins. */
class IsolatingPluginClassLoaderTest {
    @TempDir
    static Path work;
    static Path jar;

    @BeforeAll
    static void buildJarWithCopies() {
        TestPlugins.Compiled classes = TestPlugins.compile(work, Map.of("io.sluice.platform.plugin.LibraryProbe", """
                package io.sluice.platform.plugin;
                public final class LibraryProbe {
                    public static String origin() { return "plugin"; }
                }
                """));
        jar = classes.plugin("copies").packages("io.sluice.platform.plugin").bundleSpi().buildJar(work);
    }

    private static PluginClassLoader isolating() {
        PluginClassLoader loader = new IsolatingPluginClassLoader(null, new DefaultPluginDescriptor(), LibraryProbe.class.getClassLoader());
        loader.addFile(jar.toFile());
        return loader;
    }

    @Test
    void theSpiPf4jSlf4jAndJavaComeFromTheHostEvenWhenThePluginHasCopies() throws Exception {
        try (PluginClassLoader loader = isolating()) {
            assertThat(loader.loadClass("io.sluice.spi.Record")).isSameAs(Record.class);
            assertThat(loader.loadClass("org.slf4j.Logger")).isSameAs(Logger.class);
            assertThat(loader.loadClass("org.pf4j.PluginClassLoader")).isSameAs(PluginClassLoader.class);
            assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
        }
    }

    @Test
    void everythingElseIsChildFirst() throws Exception {
        try (PluginClassLoader loader = isolating()) {
            Class<?> copy = loader.loadClass(LibraryProbe.class.getName());
            assertThat(copy).isNotSameAs(LibraryProbe.class);
            assertThat(copy.getClassLoader()).isSameAs(loader);
            assertThat(copy.getMethod("origin").invoke(null)).isEqualTo("plugin");
        }
    }

    @Test
    void pf4jsOwnLoaderWouldHaveTakenThePluginsCopyOfTheSpi() throws Exception {
        try (PluginClassLoader plain = new PluginClassLoader(null, new DefaultPluginDescriptor(),
                LibraryProbe.class.getClassLoader(), ClassLoadingStrategy.PDA)) {
            plain.addFile(jar.toFile());
            assertThat(plain.loadClass("io.sluice.spi.Record")).isNotSameAs(Record.class);
        }
    }
}

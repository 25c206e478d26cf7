package io.sluice.platform.plugin;

import io.sluice.spi.ComponentFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.pf4j.ExtensionPoint;
import org.slf4j.Logger;

/**
 * Builds real plugins for tests, the way a third party would: Java sources are compiled with
 * {@code javax.tools} against only the host's spi, pf4j and slf4j jars, with pf4j's annotation
 * processor writing {@code META-INF/extensions.idx}, then packaged as a plugin zip
 * ({@code plugin.properties} + {@code lib/*.jar}) or a plugin jar (descriptor in the manifest).
 *
 * <p>Compile all the sources a test class needs once ({@code @BeforeAll}) and package several
 * plugins from the result, each from its own Java packages:
 *
 * <pre>{@code
 * @TempDir static Path work;
 * static TestPlugins.Compiled classes;
 *
 * @BeforeAll
 * static void compile() {
 *     classes = TestPlugins.compile(work, Map.of("com.example.a.EchoFactory", ECHO_SOURCE));
 * }
 *
 * @Test
 * void loads(@TempDir Path plugins) {
 *     classes.plugin("echo").packages("com.example.a").buildZip(plugins);
 *     try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null).load()) { ... }
 * }
 * }</pre>
 */
public final class TestPlugins {
    private static final String INDEX = "META-INF/extensions.idx";

    private TestPlugins() {
    }

    /** The jars (or class directories) of the SPI, pf4j and slf4j that the host runs with. */
    public static List<Path> hostApi() {
        return List.of(locationOf(ComponentFactory.class), locationOf(ExtensionPoint.class), locationOf(Logger.class));
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) into a fresh directory
     * under {@code workDir}, against {@link #hostApi()} plus {@code extraClasspath}.
     *
     * @throws AssertionError with the compiler's messages if compilation fails
     */
    public static Compiled compile(Path workDir, Map<String, String> sources, Path... extraClasspath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Path output = Files.createTempDirectory(workDir, "classes-");
            List<Path> classpath = new ArrayList<>(hostApi());
            classpath.addAll(Arrays.asList(extraClasspath));
            String path = classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            String processorPath = Stream.of(locationOf(ExtensionPoint.class), locationOf(Logger.class))
                    .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            List<String> options = List.of("--release", "17", "-d", output.toString(), "-classpath", path,
                    "-processorpath", processorPath, "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                    "-Xlint:none", "-nowarn");
            List<JavaFileObject> units = sources.entrySet().stream().map(e -> source(e.getKey(), e.getValue())).toList();
            Boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
            if (!Boolean.TRUE.equals(ok)) {
                throw new AssertionError("test plugin sources do not compile:\n" + diagnostics.getDiagnostics().stream()
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
            return new Compiled(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaFileObject source(String className, String text) {
        URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The output of one compilation, from which plugins are packaged. */
    public static final class Compiled {
        private final Path directory;

        private Compiled(Path directory) {
            this.directory = directory;
        }

        /** The directory holding the class files and pf4j's {@code META-INF/extensions.idx}. */
        public Path directory() {
            return directory;
        }

        /** Starts a plugin with this id, version {@code 1.0.0} and {@code Plugin-Requires >=0.1.0}. */
        public PluginBuilder plugin(String id) {
            return new PluginBuilder(this, id);
        }

        /** The extension class names pf4j's annotation processor indexed. */
        List<String> indexedExtensions() {
            Path index = directory.resolve(INDEX);
            if (!Files.exists(index)) {
                return List.of();
            }
            try {
                return Files.readAllLines(index).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Packages some of a compilation's classes as one plugin. */
    public static final class PluginBuilder {
        private final Compiled compiled;
        private final Map<String, String> descriptor = new LinkedHashMap<>();
        private final List<String> packages = new ArrayList<>();
        private final Map<String, List<String>> libraries = new LinkedHashMap<>();
        private final List<String> extraIndexEntries = new ArrayList<>();
        private boolean bundleSpi;

        private PluginBuilder(Compiled compiled, String id) {
            this.compiled = compiled;
            descriptor.put("id", id);
            descriptor.put("version", "1.0.0");
            descriptor.put("requires", ">=0.1.0");
            descriptor.put("provider", "Sluice tests");
            descriptor.put("description", "test plugin " + id);
        }

        public PluginBuilder version(String version) {
            return descriptor("version", version);
        }

        public PluginBuilder requires(String requires) {
            return descriptor("requires", requires);
        }

        /**
         * Sets a descriptor field ({@code id}, {@code version}, {@code requires}, {@code provider},
         * {@code description}, {@code class}, {@code dependencies}); {@code null} leaves it out.
         */
        public PluginBuilder descriptor(String key, String value) {
            descriptor.put(key, value);
            return this;
        }

        /** Puts the classes of these packages (and their sub-packages) in the plugin's own jar. */
        public PluginBuilder packages(String... names) {
            packages.addAll(Arrays.asList(names));
            return this;
        }

        /** Puts the classes of these packages in a separate {@code lib/<jarName>.jar} (zips only). */
        public PluginBuilder library(String jarName, String... packageNames) {
            libraries.put(jarName, Arrays.asList(packageNames));
            return this;
        }

        /** Adds a line to the plugin's {@code META-INF/extensions.idx} (e.g. a class that does not exist). */
        public PluginBuilder indexEntry(String className) {
            extraIndexEntries.add(className);
            return this;
        }

        /** Copies the host's SPI classes into the plugin jar, as a wrongly built plugin would. */
        public PluginBuilder bundleSpi() {
            bundleSpi = true;
            return this;
        }

        /** Writes {@code <id>-<version>.zip} into {@code directory} and returns it. */
        public Path buildZip(Path directory) {
            Path zip = directory.resolve(fileName(".zip"));
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                Properties properties = new Properties();
                descriptor.forEach((key, value) -> {
                    if (value != null) {
                        properties.setProperty("plugin." + key, value);
                    }
                });
                out.putNextEntry(new ZipEntry("plugin.properties"));
                properties.store(out, null);
                out.closeEntry();
                out.putNextEntry(new ZipEntry("lib/" + descriptor.getOrDefault("id", "plugin") + ".jar"));
                writeJar(out, new Manifest(), packages, true);
                out.closeEntry();
                for (Map.Entry<String, List<String>> library : libraries.entrySet()) {
                    out.putNextEntry(new ZipEntry("lib/" + library.getKey() + ".jar"));
                    writeJar(out, new Manifest(), library.getValue(), false);
                    out.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return zip;
        }

        /** Writes {@code <id>-<version>.jar}, descriptor in its manifest, into {@code directory}. */
        public Path buildJar(Path directory) {
            if (!libraries.isEmpty()) {
                throw new IllegalStateException("a plugin jar cannot hold libraries; build a zip");
            }
            Manifest manifest = new Manifest();
            descriptor.forEach((key, value) -> {
                if (value != null) {
                    manifest.getMainAttributes().putValue("Plugin-" + Character.toUpperCase(key.charAt(0)) + key.substring(1), value);
                }
            });
            Path jar = directory.resolve(fileName(".jar"));
            try (OutputStream out = Files.newOutputStream(jar)) {
                writeJar(out, manifest, packages, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return jar;
        }

        private String fileName(String extension) {
            return descriptor.getOrDefault("id", "no-id") + "-" + descriptor.getOrDefault("version", "no-version") + extension;
        }

        private void writeJar(OutputStream target, Manifest manifest, List<String> jarPackages, boolean withIndex)
                throws IOException {
            manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (JarOutputStream jar = new JarOutputStream(new NonClosing(target), manifest)) {
                writeEntries(jar, jarPackages, withIndex);
            }
        }

        private void writeEntries(JarOutputStream jar, List<String> jarPackages, boolean withIndex) throws IOException {
            for (String packageName : jarPackages) {
                Path root = compiled.directory.resolve(packageName.replace('.', '/'));
                if (!Files.isDirectory(root)) {
                    throw new IllegalArgumentException("no classes in package " + packageName);
                }
                try (Stream<Path> classes = Files.walk(root)) {
                    for (Path file : classes.filter(Files::isRegularFile).sorted().toList()) {
                        putEntry(jar, compiled.directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
            if (withIndex) {
                List<String> index = new ArrayList<>(compiled.indexedExtensions().stream()
                        .filter(name -> jarPackages.stream().anyMatch(p -> name.startsWith(p + "."))).toList());
                index.addAll(extraIndexEntries);
                if (!index.isEmpty()) {
                    putEntry(jar, INDEX, String.join("\n", index).concat("\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            if (bundleSpi && withIndex) {
                copySpi(jar);
            }
        }

        private static void copySpi(JarOutputStream jar) throws IOException {
            Path spi = locationOf(ComponentFactory.class);
            if (Files.isDirectory(spi)) {
                try (Stream<Path> files = Files.walk(spi.resolve("io/sluice/spi"))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        putEntry(jar, spi.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
                return;
            }
            try (JarFile source = new JarFile(spi.toFile())) {
                for (JarEntry entry : source.stream().filter(e -> e.getName().startsWith("io/sluice/spi/") && !e.isDirectory()).toList()) {
                    putEntry(jar, entry.getName(), source.getInputStream(entry).readAllBytes());
                }
            }
        }

        private static void putEntry(JarOutputStream jar, String name, byte[] bytes) throws IOException {
            jar.putNextEntry(new JarEntry(name));
            jar.write(bytes);
            jar.closeEntry();
        }
    }

    /** Lets a jar be written into a zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

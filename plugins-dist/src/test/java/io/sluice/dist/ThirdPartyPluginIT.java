package io.sluice.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector author's path: a plugin compiled only against the spi jar (and pf4j, for
 * {@code @Extension}) outside the reactor, packaged as a jar plugin, dropped into a plugins
 * directory beside the built-in zips, and used by name from a pipeline run by the distribution.
 */
class ThirdPartyPluginIT {
    @TempDir
    Path work;

    @Test
    void aPluginCompiledAgainstTheSpiJarAloneIsUsableFromYaml() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        try (Stream<Path> builtIn = Files.list(Distribution.HOME.resolve("plugins"))) {
            for (Path zip : builtIn.toList()) {
                Files.copy(zip, plugins.resolve(zip.getFileName()));
            }
        }
        buildStampPlugin(plugins.resolve("stamp-1.0.0.jar"));

        Distribution.Run listed = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1),
                "plugins", "--plugins-dir", plugins.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("stamp 1.0.0 (stamp-1.0.0.jar)").containsPattern("operator\\s+stamp");

        Path pipeline = work.resolve("stamped.yaml");
        Files.writeString(pipeline, """
                name: stamped
                batch-interval: 200ms
                sources:
                  sensors: {type: generator, events-per-batch: 10, limit: 30}
                streams:
                  stamped:
                    from: sensors
                    steps:
                      - parse: json
                      - stamp: acme
                sinks:
                  out: {type: console, from: stamped, max-records: 100, format: json}
                """);
        Distribution.Run run = Distribution.sluice(work, Map.of(), Duration.ofMinutes(1),
                "run", pipeline.toString(), "--plugins-dir", plugins.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> stamped = run.out().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(stamped).hasSize(30).allSatisfy(line -> assertThat(line)
                .contains("\"stamped-by\":\"acme\"")
                .contains("\"loader\":\"plugin\"")
                .containsPattern("\"stamped-in-batch\":[1-9]"));
    }

    /** Compiles the plugin's source with javac against the distribution's spi and pf4j jars, then jars it. */
    private void buildStampPlugin(Path jar) throws IOException {
        Path source = Path.of("src/test/resources/third-party-plugin/com/example/stamp/StampOperatorFactory.java");
        Path classes = Files.createDirectories(work.resolve("stamp-classes"));
        String classpath = jarIn("sluice-spi-") + java.io.File.pathSeparator + jarIn("pf4j-");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int result = javac.run(null, null, null, "--release", "17", "-classpath", classpath,
                "-processorpath", jarIn("pf4j-"), "-d", classes.toString(), source.toString());
        assertThat(result).as("javac of the third-party plugin").isZero();
        assertThat(classes.resolve("META-INF/extensions.idx")).as("pf4j's processor wrote the index").exists();

        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", "stamp");
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Requires", ">=0.1.0");
        attributes.putValue("Plugin-Provider", "Example Corp");
        attributes.putValue("Plugin-Description", "Stamps records");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        assertThat(Files.size(jar)).isPositive();
        assertThat(new String(Files.readAllBytes(jar), StandardCharsets.ISO_8859_1)).doesNotContain("io/sluice/spi/Record.class");
    }

    private static String jarIn(String prefix) throws IOException {
        try (Stream<Path> lib = Files.list(Distribution.HOME.resolve("lib"))) {
            return lib.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in the distribution's lib/"))
                    .toString();
        }
    }
}

package io.sluice.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.spi.SpiVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken plugin is reported with its file and cause while a good plugin beside it loads. */
class BrokenPluginsTest {
    @TempDir
    static Path work;
    static TestPlugins.Compiled classes;

    @TempDir
    Path plugins;
    @TempDir
    Path workParent;

    @BeforeAll
    static void compilePlugins() {
        classes = TestPlugins.compile(work, ProbePluginSources.all());
    }

    /** Loads {@link #plugins} (which also holds a good plugin) and returns the single problem. */
    private PluginProblem onlyProblemBesideAGoodPlugin() {
        classes.plugin("good").packages("test.good").buildZip(plugins);
        try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null)
                .workDirectoryParent(workParent).load()) {
            assertThat(host.registry().operator("good-op")).as("the good plugin still loads").isPresent();
            assertThat(host.plugins()).extracting(PluginInfo::id).contains("good");
            assertThat(host.registry().problems()).hasSize(1);
            return host.registry().problems().get(0);
        }
    }

    @Test
    void aJarWhoseManifestHasNoPluginIdIsReported() {
        Path jar = classes.plugin("manifest").descriptor("id", null).packages("test.manifest").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("MANIFEST.MF has no Plugin-Id");
    }

    @Test
    void aZipWithoutAVersionIsReported() {
        Path zip = classes.plugin("manifest").descriptor("version", null).packages("test.manifest").buildZip(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("plugin 'manifest' has no version", "plugin.version");
    }

    @Test
    void aZipWithoutPluginPropertiesIsReported() throws IOException {
        Path zip = writeZip("bare.zip", "lib/readme.txt", "no descriptor here");
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("no plugin.properties");
    }

    @Test
    void aFileThatIsNotAZipIsReported() throws IOException {
        Path zip = Files.writeString(plugins.resolve("garbage.zip"), "not a zip");
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("not a readable zip");
    }

    @Test
    void aZipEntryEscapingThePluginIsRefused() throws IOException {
        Path zip = writeZip("evil.zip", "../escaped.txt", "boo");
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("'../escaped.txt' points outside the plugin");
        assertThat(listing(workParent.getParent())).noneMatch(p -> p.getFileName().toString().equals("escaped.txt"));
    }

    @Test
    void aMissingExtensionClassIsReportedWhileThePluginsOtherExtensionsLoad() {
        Path zip = classes.plugin("missing").packages("test.missing").indexEntry("test.missing.Gone").buildZip(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("test.missing.Gone", "missing");
        try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null).workDirectoryParent(workParent).load()) {
            assertThat(host.registry().operator("missing-op")).isPresent();
        }
    }

    @Test
    void anExtensionWhoseConstructorThrowsIsReported() {
        Path jar = classes.plugin("ctor").packages("test.ctor").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("test.ctor.Factory failed in its constructor: no luck");
        assertThat(problem.cause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPluginWithoutExtensionsIsReported() {
        Path zip = classes.plugin("empty").packages("io.sluice.platform.plugin").buildZip(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("declares no extensions", "META-INF/extensions.idx");
    }

    @Test
    void aPluginBundlingTheSpiIsRefusedWithAdviceToMakeItProvided() {
        Path zip = classes.plugin("spi").packages("test.spi").bundleSpi().buildZip(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(zip.toString());
        assertThat(problem.message()).contains("bundles the Sluice SPI", "io/sluice/spi/", "spi.jar", "provided");
    }

    @Test
    void anUnsatisfiedPluginRequiresIsReportedNamingBothVersions() {
        Path jar = classes.plugin("requires").requires(">=99.0.0").packages("test.requires").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("requires Sluice >=99.0.0", "this is Sluice " + SpiVersion.CURRENT);
    }

    @Test
    void aBareVersionInPluginRequiresMeansAtLeastThatVersion() {
        classes.plugin("requires").requires(SpiVersion.CURRENT).packages("test.requires").buildJar(plugins);
        classes.plugin("good").packages("test.good").buildZip(plugins);
        try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null).load()) {
            assertThat(host.registry().problems()).isEmpty();
            assertThat(host.registry().operator("requires-op")).isPresent();
        }
    }

    @Test
    void anInvalidPluginRequiresIsReported() {
        Path jar = classes.plugin("requires").requires("soon").packages("test.requires").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("invalid Plugin-Requires 'soon'");
    }

    @Test
    void twoPluginsClaimingOneTypeAreReportedNamingBothFiles() {
        Path first = classes.plugin("twin-a").packages("test.twin.a").buildZip(plugins);
        Path second = classes.plugin("twin-b").packages("test.twin.b").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.message()).contains("operator type 'twin'", first.toString(), second.toString(), "neither is usable");
        try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null).workDirectoryParent(workParent).load()) {
            assertThat(host.registry().operator("twin")).isEmpty();
        }
    }

    @Test
    void twoPluginsWithOneIdAreReportedNamingTheFirst() {
        Path first = classes.plugin("samename").version("1.0.0").packages("test.samename").buildJar(plugins);
        Path second = classes.plugin("samename").version("2.0.0").packages("test.samename").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(second.toString());
        assertThat(problem.message()).contains("plugin id 'samename' is already used by " + first);
    }

    @Test
    void aPluginWhoseDependenciesAreMissingIsReportedAndTheOthersStillResolve() {
        Path jar = classes.plugin("deps").descriptor("dependencies", "absent-plugin@>=1.0.0").packages("test.deps").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("plugin 'deps' needs plugins that are missing", "absent-plugin");
    }

    @Test
    void anExtensionOfNoSluiceExtensionPointIsReported() {
        Path jar = classes.plugin("other").packages("test.other").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("test.other.Other implements none of SourceFactory, SinkFactory, OperatorFactory");
    }

    @Test
    void aTypeNameThatIsNotLowerCaseWordsIsReported() {
        Path jar = classes.plugin("badtype").packages("test.badtype").buildJar(plugins);
        PluginProblem problem = onlyProblemBesideAGoodPlugin();
        assertThat(problem.origin()).isEqualTo(jar.toString());
        assertThat(problem.message()).contains("type name 'Bad_Type'");
    }

    @Test
    void everyBrokenPluginAtOnceIsReportedByFile() {
        List<Path> broken = List.of(
                classes.plugin("manifest").descriptor("id", null).packages("test.manifest").buildJar(plugins),
                classes.plugin("missing").packages("test.missing").indexEntry("test.missing.Gone").buildZip(plugins),
                classes.plugin("spi").packages("test.spi").bundleSpi().buildZip(plugins),
                classes.plugin("requires").requires(">=99.0.0").packages("test.requires").buildJar(plugins));
        classes.plugin("good").packages("test.good").buildZip(plugins);
        try (PluginHost host = PluginHost.builder().pluginsDirectory(plugins).classpath(null).workDirectoryParent(workParent).load()) {
            assertThat(host.registry().problems()).extracting(PluginProblem::origin)
                    .containsExactlyInAnyOrderElementsOf(broken.stream().map(Path::toString).toList());
            assertThat(host.plugins()).extracting(PluginInfo::id).containsExactly("good", "missing");
        }
        assertThat(listing(workParent)).as("work directory deleted on close").isEmpty();
    }

    private Path writeZip(String name, String entry, String content) throws IOException {
        Path zip = plugins.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    private static List<Path> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

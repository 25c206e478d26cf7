package io.sluice.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.Record;
import io.sluice.spi.SpiVersion;
import io.sluice.spi.config.Config;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorFactory;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {
    @TempDir
    static Path work;
    static TestPlugins.Compiled classes;

    @BeforeAll
    static void compilePlugins() {
        Map<String, String> sources = new LinkedHashMap<>(ProbePluginSources.all());
        sources.put("test.cp.Factory", ProbePluginSources.operator("test.cp", "cp-op", ""));
        sources.put("test.cpecho.Factory", ProbePluginSources.operator("test.cpecho", "echo", ""));
        classes = TestPlugins.compile(work, sources);
    }

    /** A class loader with a jar of {@code packageName}'s classes (and their extension index) on its class path. */
    private static URLClassLoader classpathWith(String packageName, Path dir) throws Exception {
        Path jar = classes.plugin(packageName).packages(packageName).buildJar(dir);
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginHostTest.class.getClassLoader());
    }

    private static PluginHost load(Path plugins, Path workParent) {
        return PluginHost.builder().pluginsDirectory(plugins).classpath(null).workDirectoryParent(workParent).load();
    }

    private static Path probeZip(Path plugins) {
        return classes.plugin("probe").version("2.3.4").packages("test.probe")
                .library("probe-lib", "io.sluice.platform.plugin").buildZip(plugins);
    }

    @Test
    void zipPluginLoadsAndItsSourceAndOperatorWork(@TempDir Path plugins, @TempDir Path workParent) {
        Path zip = probeZip(plugins);
        try (PluginHost host = load(plugins, workParent)) {
            ComponentRegistry registry = host.registry();
            assertThat(registry.problems()).isEmpty();
            assertThat(registry.types(ComponentKind.SOURCE)).containsExactly("probe-receiver", "probe-source");
            assertThat(registry.types(ComponentKind.SINK)).containsExactly("probe-sink");
            assertThat(registry.types(ComponentKind.OPERATOR)).containsExactly("probe-op");

            Component<SourceFactory> source = registry.source("probe-source").orElseThrow();
            assertThat(source.pluginId()).isEqualTo("probe");
            assertThat(source.pluginVersion()).isEqualTo("2.3.4");
            assertThat(source.origin()).isEqualTo(zip.toString());
            SourceFactory factory = source.factory();
            Config config = Config.builder(factory.configSpec()).setRaw("count", 2).build();
            assertThat(readFirstBatch((ReplayableSource<?>) factory.create(config)))
                    .extracting(r -> r.get("n")).containsExactly(0L, 1L);

            Operator operator = create(registry.operator("probe-op").orElseThrow().factory());
            List<Record> out = new ArrayList<>();
            operator.process(Record.builder().field("x", 1L).build(), new ProbeContext(), out::add);
            assertThat(out).singleElement().satisfies(r -> assertThat(r.get("x")).isEqualTo(1L));

            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo("probe");
                assertThat(p.version()).isEqualTo("2.3.4");
                assertThat(p.requires()).isEqualTo(">=0.1.0");
                assertThat(p.file()).isEqualTo(zip);
            });
        }
    }

    @Test
    void jarPluginLoadsAndItsSourceAndOperatorWork(@TempDir Path plugins, @TempDir Path workParent) {
        Path jar = classes.plugin("echo").version("0.9.1").packages("test.echo").buildJar(plugins);
        try (PluginHost host = load(plugins, workParent)) {
            ComponentRegistry registry = host.registry();
            assertThat(registry.problems()).isEmpty();
            Component<SourceFactory> counter = registry.source("counter").orElseThrow();
            assertThat(counter.origin()).isEqualTo(jar.toString());
            assertThat(counter.pluginVersion()).isEqualTo("0.9.1");
            List<Record> counted = readFirstBatch((ReplayableSource<?>) counter.factory().create(emptyConfig(counter.factory())));
            assertThat(counted).extracting(r -> r.get("i")).containsExactly(0L, 1L);

            List<Record> echoed = new ArrayList<>();
            create(registry.operator("echo").orElseThrow().factory()).process(counted.get(1), new ProbeContext(), echoed::add);
            assertThat(echoed).containsExactly(counted.get(1), counted.get(1));
            assertThat(host.workDirectory()).as("jars are used in place").isEmpty();
        }
    }

    @Test
    void everyCallIntoPluginCodeRunsWithThePluginsContextClassLoader(@TempDir Path plugins, @TempDir Path workParent)
            throws Exception {
        probeZip(plugins);
        ClassLoader caller = new URLClassLoader(new URL[0], getClass().getClassLoader());
        Thread.currentThread().setContextClassLoader(caller);
        try (PluginHost host = load(plugins, workParent)) {
            ComponentRegistry registry = host.registry();
            ProbeContext context = new ProbeContext();

            SourceFactory sourceFactory = registry.source("probe-source").orElseThrow().factory();
            assertThat(sourceFactory.description()).isNotBlank();
            ReplayableSource<?> replayable = (ReplayableSource<?>) sourceFactory.create(emptyConfig(sourceFactory));
            exerciseReplayable(replayable, context);

            SourceFactory receiverFactory = registry.source("probe-receiver").orElseThrow().factory();
            Receiver receiver = ((ReceiverSource) receiverFactory.create(emptyConfig(receiverFactory))).createReceiver(context);
            receiver.start(context);
            receiver.stop();
            assertThat(context.stored).singleElement().satisfies(r -> assertThat(r.get("received")).isEqualTo(true));

            var sinkFactory = registry.sink("probe-sink").orElseThrow().factory();
            try (Sink sink = sinkFactory.create(emptyConfig(sinkFactory))) {
                sink.open(context);
                sink.write(ProbeContext.BATCH, 0, List.of());
                sink.commit(ProbeContext.BATCH);
            }

            OperatorFactory operatorFactory = registry.operator("probe-op").orElseThrow().factory();
            assertThat(operatorFactory.keyed()).isFalse();
            try (Operator operator = create(operatorFactory)) {
                operator.open(context);
                operator.process(Record.builder().build(), context, r -> { });
                operator.endOfPartition(context, r -> { });
            }
            assertThat(Thread.currentThread().getContextClassLoader()).as("restored after each call").isSameAs(caller);
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }
    }

    @Test
    void theProbeReallyFailsWhenCalledWithoutItsOwnContextClassLoader() throws Exception {
        try (URLClassLoader probeLoader = new URLClassLoader(new URL[] {classes.directory().toUri().toURL()},
                getClass().getClassLoader())) {
            var check = Class.forName("test.probe.Tccl", true, probeLoader).getMethod("check", String.class);
            assertThatThrownBy(() -> check.invoke(null, "the test"))
                    .isInstanceOf(InvocationTargetException.class)
                    .hasRootCauseMessage("context class loader is not the plugin's in the test");
        }
    }

    @Test
    void pluginsSeeTheirOwnCopyOfALibraryChildFirstButTheHostsSpi(@TempDir Path plugins, @TempDir Path workParent) {
        probeZip(plugins);
        try (PluginHost host = load(plugins, workParent)) {
            List<Record> out = new ArrayList<>();
            create(host.registry().operator("probe-op").orElseThrow().factory())
                    .process(Record.builder().build(), new ProbeContext(), out::add);
            assertThat(LibraryProbe.origin()).isEqualTo("host");
            assertThat(out).singleElement().satisfies(r -> assertThat(r.get("library")).isEqualTo("plugin"));
            assertThat(out.get(0)).as("records made by the plugin are the host's Record class").isInstanceOf(Record.class);
        }
    }

    @Test
    void zipsAreExtractedIntoAWorkDirectoryThatCloseDeletesLeavingThePluginsDirectoryUntouched(
            @TempDir Path plugins, @TempDir Path workParent) throws Exception {
        Path zip = probeZip(plugins);
        PluginHost host = load(plugins, workParent);
        Path extracted = host.workDirectory().orElseThrow();
        assertThat(extracted).startsWith(workParent).isDirectory();
        assertThat(listing(plugins)).containsExactly(zip);
        host.close();
        assertThat(extracted).doesNotExist();
        assertThat(listing(workParent)).isEmpty();
        assertThat(listing(plugins)).containsExactly(zip);
    }

    @Test
    void anAbsentOrEmptyPluginsDirectoryLoadsNothing(@TempDir Path empty) {
        for (Path directory : new Path[] {empty, empty.resolve("absent"), null}) {
            try (PluginHost host = PluginHost.builder().pluginsDirectory(directory).classpath(null).load()) {
                assertThat(host.registry().all()).isEmpty();
                assertThat(host.registry().problems()).isEmpty();
                assertThat(host.plugins()).isEmpty();
            }
        }
    }

    @Test
    void classpathExtensionsAreRegisteredUnwrappedAsClasspathComponents(@TempDir Path dir) throws Exception {
        try (URLClassLoader classpath = classpathWith("test.cp", dir);
             PluginHost host = PluginHost.builder().classpath(classpath).load()) {
            Component<OperatorFactory> component = host.registry().operator("cp-op").orElseThrow();
            assertThat(component.pluginId()).isEqualTo("classpath");
            assertThat(component.origin()).isEqualTo("classpath");
            assertThat(component.pluginVersion()).isEqualTo(SpiVersion.CURRENT);
            assertThat(component.factory().getClass().getName()).isEqualTo("test.cp.Factory");
            assertThat(host.plugins()).isEmpty();
        }
    }

    @Test
    void aPluginAndAClasspathExtensionClaimingOneTypeAreReportedNamingBoth(@TempDir Path dir, @TempDir Path plugins)
            throws Exception {
        Path jar = classes.plugin("echo").packages("test.echo").buildJar(plugins);
        try (URLClassLoader classpath = classpathWith("test.cpecho", dir);
             PluginHost host = PluginHost.builder().classpath(classpath).pluginsDirectory(plugins).workDirectoryParent(dir).load()) {
            assertThat(host.registry().operator("echo")).isEmpty();
            assertThat(host.registry().source("counter")).isPresent();
            assertThat(host.registry().problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("operator type 'echo'", "the classpath (test.cpecho.Factory)", jar.toString()));
        }
    }

    private static Config emptyConfig(io.sluice.spi.ComponentFactory factory) {
        return Config.builder(factory.configSpec()).build();
    }

    private static Operator create(OperatorFactory factory) {
        return factory.create(emptyConfig(factory));
    }

    private static <S> List<Record> readFirstBatch(ReplayableSource<S> source) {
        ProbeContext context = new ProbeContext();
        List<Record> out = new ArrayList<>();
        try (SplitPlanner<S> planner = source.createPlanner(context); SplitReader<S> reader = source.createReader(context)) {
            for (S split : planner.plan(ProbeContext.BATCH, Long.MAX_VALUE)) {
                reader.read(split, out::add);
            }
        }
        return out;
    }

    private static <S> void exerciseReplayable(ReplayableSource<S> source, ProbeContext context) {
        SplitCodec<S> codec = source.splitCodec();
        try (SplitPlanner<S> planner = source.createPlanner(context); SplitReader<S> reader = source.createReader(context)) {
            byte[] start = planner.position();
            S split = planner.plan(ProbeContext.BATCH, 10).get(0);
            S decoded = codec.decode(codec.version(), codec.encode(split));
            assertThat(decoded).isEqualTo(split);
            List<Record> out = new ArrayList<>();
            reader.read(decoded, out::add);
            assertThat(out).hasSize(3);
            planner.batchCompleted(ProbeContext.BATCH);
            assertThat(planner.exhausted()).isFalse();
            planner.restore(start);
        }
    }

    private static List<Path> listing(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}

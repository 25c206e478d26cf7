package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.Test;

/**
 * The built zip, and the jar, load with pf4j as the host loads them; and the source loaded from the
 * zip (Avro, Netty and the Flume SDK from the plugin's own lib/) answers a Flume client.
 */
class FlumePluginIT {

    @Test
    void theZipIsAPluginContributingTheFlumeSourceAndSink() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("flume");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("flume");
            assertThat(plugin.types(SinkFactory.class)).containsExactly("flume");
        }
    }

    @Test
    void theJarIsIndexedAsAPluginToo() {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.jar")))) {
            assertThat(plugin.id()).isEqualTo("flume");
        }
    }

    @Test
    void theSourceLoadedFromTheZipStoresWhatAFlumeClientSends() throws Exception {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            SourceFactory factory = plugin.extensions(SourceFactory.class).get(0);
            assertThat(factory.getClass().getClassLoader()).isSameAs(plugin.classLoader());
            Config config = Config.builder(factory.configSpec()).setRaw("bind", "127.0.0.1").setRaw("port", 0)
                    .setRaw("format", "text").build();
            TestComponentContext base = TestComponentContext.builder().componentName("sources.agents").config(config)
                    .format(io.sluice.platform.format.RecordFormats.standard().get("text")).build();
            RecordingReceiverContext context = new RecordingReceiverContext(base);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            Receiver receiver;
            thread.setContextClassLoader(plugin.classLoader());   // as the host calls into a plugin
            try {
                receiver = ((ReceiverSource) factory.create(config)).createReceiver(base);
                receiver.start(context);
            } finally {
                thread.setContextClassLoader(previous);
            }
            try {
                int port = (int) base.testMetrics().gaugeValue("port").orElseThrow();
                RpcClient client = RpcClientFactory.getDefaultInstance("127.0.0.1", port, 10);
                try {
                    client.appendBatch(FlumeEvents.numbered("plugin", 0, 3));
                } finally {
                    client.close();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> context.stored.size() >= 3);
                assertThat(context.stored).extracting(r -> r.get("text")).containsExactly("plugin-0", "plugin-1",
                        "plugin-2");
                assertThat(context.stored.get(0).headers()).isEqualTo(Map.of("id", "plugin-0"));
            } finally {
                receiver.stop();
            }
        }
    }

    @Test
    void theSinkLoadedFromTheZipSendsToAFlumeAvroSource() throws Exception {
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")));
                RecordingFlumeSource flume = new RecordingFlumeSource()) {
            SinkFactory factory = plugin.extensions(SinkFactory.class).get(0);
            Config config = Config.builder(factory.configSpec()).setRaw("hosts", "127.0.0.1:" + flume.port())
                    .setRaw("format", "text").build();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(plugin.classLoader());
            try (Sink sink = factory.create(config)) {
                sink.open(TestComponentContext.builder().config(config).build());
                BatchInfo batch = new BatchInfo(1, TestComponentContext.DEFAULT_TIME, Duration.ofSeconds(1));
                sink.write(batch, 0, List.of(Record.of(Map.of("text", "from-plugin-0")),
                        Record.of(Map.of("text", "from-plugin-1"))));
                sink.commit(batch);
            } finally {
                thread.setContextClassLoader(previous);
            }
            assertThat(flume.bodies()).containsExactly("from-plugin-0", "from-plugin-1");
        }
    }
}

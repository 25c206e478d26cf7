package io.sluice.connectors.twitter4j;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sluice.spi.config.Config;
import io.sluice.spi.source.Receiver;
import io.sluice.spi.source.ReceiverSource;
import io.sluice.spi.source.SourceFactory;
import io.sluice.spi.testkit.BuiltPlugin;
import io.sluice.spi.testkit.ManualClock;
import io.sluice.spi.testkit.TestComponentContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built zip loads with pf4j as the host loads it, and its bundled twitter4j works under the
 * plugin's child-first class loader: a receiver from the loaded factory reads a stream.
 */
class Twitter4jPluginIT {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void theZipIsAPluginWhoseSourceReadsAStreamWithTheBundledTwitter4j() {
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/1.1/statuses/sample.json"))
                .willReturn(Twitter4jReceiverTest.stream(V11Statuses.status(7, "hi", "cats"))));
        try (BuiltPlugin plugin = BuiltPlugin.load(Path.of(System.getProperty("sluice.plugin.zip")))) {
            assertThat(plugin.id()).isEqualTo("twitter4j");
            assertThat(plugin.types(SourceFactory.class)).containsExactly("twitter4j");
            SourceFactory factory = plugin.extensions(SourceFactory.class).get(0);
            Config.Builder config = Config.builder(factory.configSpec());
            Map.of("consumer-key", "ck", "consumer-secret", "cs", "access-token", "at", "access-token-secret", "ats",
                    "stream", "sample", "stream-base-url", api.baseUrl() + "/1.1/").forEach(config::setRaw);
            Config built = config.build();
            StoringReceiverContext ctx = new StoringReceiverContext(built, new ManualClock(TestComponentContext.DEFAULT_TIME));
            Thread.currentThread().setContextClassLoader(plugin.classLoader());
            Receiver receiver = ((ReceiverSource) factory.create(built)).createReceiver(ctx.componentContext());
            try {
                receiver.start(ctx);
                await().atMost(Duration.ofSeconds(30)).until(() -> ctx.stored().size() == 1);
            } finally {
                receiver.stop();
                Thread.currentThread().setContextClassLoader(Twitter4jPluginIT.class.getClassLoader());
            }
            assertThat(ctx.stored().get(0).get("hashtags")).isEqualTo(java.util.List.of("cats"));
        }
    }
}

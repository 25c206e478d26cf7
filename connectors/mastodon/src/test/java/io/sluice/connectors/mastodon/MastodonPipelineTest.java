package io.sluice.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.KeyValue;
import io.sluice.platform.stream.ManualClock;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source as a pipeline runs it: created by its factory, started and stopped by the real engine. */
class MastodonPipelineTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void tagCountsPerBatchFromStatusesStoredThroughTheEngine() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/v1/streaming/public/local")).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(MastodonReceiverTest.sse(Statuses.event("update", Statuses.status("1", "cats")),
                        ":thump\n", Statuses.event("update", Statuses.status("2", "dogs")),
                        Statuses.event("update", Statuses.status("3", "cats"))))
                .willSetStateTo("open"));
        server.stubFor(get(urlPathEqualTo("/api/v1/streaming/public/local")).inScenario("s").whenScenarioStateIs("open")
                .willReturn(MastodonReceiverTest.heartbeatsOnly()));
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/public"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")));
        MastodonSourceFactory factory = new MastodonSourceFactory();
        Config config = Config.builder(factory.configSpec())
                .setRaw("instance-url", server.baseUrl())
                .setRaw("timeline", "public:local")
                .build();
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        List<Map<String, Long>> counts = new CopyOnWriteArrayList<>();
        RecordFormats formats = RecordFormats.standard();
        StreamingContext ctx = StreamingContext.builder().name("social").batchInterval(Duration.ofSeconds(1))
                .clock(clock).parallelism(1).formats(formats::get).listener(reports::add).build();
        try (ctx) {
            ctx.source("toots", factory, config)
                    .flatMap(status -> (List<?>) status.get("tags"))
                    .mapToPair(tag -> KeyValue.of(tag.toString(), 1L))
                    .reduceByKey(Long::sum)
                    .foreachBatch((batch, pairs) -> {
                        Map<String, Long> byTag = new TreeMap<>();
                        pairs.forEach(kv -> byTag.put(kv.key(), kv.value()));
                        counts.add(byTag);
                    });
            ctx.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ctx.metrics().getOrDefault("toots.statuses_received", 0.0) >= 3);

            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() == 1);
        }
        assertThat(reports.get(0).recordsIn()).isEqualTo(3);
        assertThat(counts.get(0)).isEqualTo(Map.of("cats", 2L, "dogs", 1L));
    }
}

package io.sluice.connectors.x;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
class XFilteredStreamPipelineTest {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void hashtagCountsPerBatchFromTweetsStoredThroughTheEngine() throws Exception {
        x.stubFor(get(urlPathEqualTo("/" + XApi.RULES_PATH)).willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
        x.stubFor(post(urlPathEqualTo("/" + XApi.RULES_PATH)).willReturn(okJson("{\"meta\":{}}")));
        x.stubFor(get(urlPathEqualTo("/" + XApi.STREAM_PATH)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(XStreamReceiverTest.stream(Tweets.tweet("1", "a", "cats", "pets"), "",
                        Tweets.tweet("2", "b", "dogs", "pets"), Tweets.tweet("3", "c", "cats", "pets")))
                .willSetStateTo("open"));
        x.stubFor(get(urlPathEqualTo("/" + XApi.STREAM_PATH)).inScenario("s").whenScenarioStateIs("open")
                .willReturn(XStreamReceiverTest.keepAlivesOnly()));
        XFilteredStreamSourceFactory factory = new XFilteredStreamSourceFactory();
        Config config = Config.builder(factory.configSpec())
                .setRaw("bearer-token", "secret-token")
                .setRaw("base-url", x.baseUrl())
                .setRaw("rules", Map.of("pets", "cat OR dog"))
                .build();
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        List<Map<String, Long>> counts = new CopyOnWriteArrayList<>();
        RecordFormats formats = RecordFormats.standard();
        StreamingContext ctx = StreamingContext.builder().name("social").batchInterval(Duration.ofSeconds(1))
                .clock(clock).parallelism(1).formats(formats::get).listener(reports::add).build();
        try (ctx) {
            ctx.source("tweets", factory, config)
                    .flatMap(tweet -> (List<?>) tweet.get("hashtags"))
                    .mapToPair(tag -> KeyValue.of(tag.toString(), 1L))
                    .reduceByKey(Long::sum)
                    .foreachBatch((batch, pairs) -> {
                        Map<String, Long> byTag = new TreeMap<>();
                        pairs.forEach(kv -> byTag.put(kv.key(), kv.value()));
                        counts.add(byTag);
                    });
            ctx.start();
            x.verify(postRequestedFor(urlPathEqualTo("/" + XApi.RULES_PATH))
                    .withRequestBody(equalToJson("{\"add\":[{\"value\":\"cat OR dog\",\"tag\":\"pets\"}]}")));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ctx.metrics().getOrDefault("tweets.tweets_received", 0.0) >= 3);

            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() == 1);
        }
        assertThat(reports.get(0).recordsIn()).isEqualTo(3);
        assertThat(counts.get(0)).isEqualTo(Map.of("cats", 2L, "dogs", 1L));
    }
}

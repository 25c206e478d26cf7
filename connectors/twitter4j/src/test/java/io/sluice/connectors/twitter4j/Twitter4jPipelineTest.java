package io.sluice.connectors.twitter4j;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
class Twitter4jPipelineTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void hashtagCountsPerBatchFromStatusesStoredThroughTheEngine() throws Exception {
        Twitter4jReceiverTest.stubStreams(api, Twitter4jReceiverTest.FILTER, Twitter4jReceiverTest.stream(
                V11Statuses.status(1, "a", "cats"), V11Statuses.status(2, "b", "dogs"), V11Statuses.status(3, "c", "cats")),
                Twitter4jReceiverTest.keepAlivesOnly());
        Twitter4jSourceFactory factory = new Twitter4jSourceFactory();
        Config config = Twitter4jReceiverTest.config(api.baseUrl()).set(Twitter4jSourceFactory.TRACK, List.of("cats", "dogs"))
                .build();
        ManualClock clock = new ManualClock();
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        List<Map<String, Long>> counts = new CopyOnWriteArrayList<>();
        RecordFormats formats = RecordFormats.standard();
        StreamingContext ctx = StreamingContext.builder().name("social").batchInterval(Duration.ofSeconds(1))
                .clock(clock).parallelism(1).formats(formats::get).listener(reports::add).build();
        try (ctx) {
            ctx.source("tweets", factory, config)
                    .flatMap(status -> (List<?>) status.get("hashtags"))
                    .mapToPair(tag -> KeyValue.of(tag.toString(), 1L))
                    .reduceByKey(Long::sum)
                    .foreachBatch((batch, pairs) -> {
                        Map<String, Long> byTag = new TreeMap<>();
                        pairs.forEach(kv -> byTag.put(kv.key(), kv.value()));
                        counts.add(byTag);
                    });
            ctx.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ctx.metrics().getOrDefault("tweets.statuses_received", 0.0) >= 3);

            clock.advance(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() == 1);
        }
        assertThat(reports.get(0).recordsIn()).isEqualTo(3);
        assertThat(counts.get(0)).isEqualTo(Map.of("cats", 2L, "dogs", 1L));
    }
}

package io.sluice.connectors.bluesky;

import static io.sluice.connectors.bluesky.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.bluesky.JetstreamPeer.Script;
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

/** The source as a pipeline runs it: created by its factory, started and stopped by the real engine. */
class BlueskyJetstreamPipelineTest {

    @Test
    void eventsPerCollectionPerBatchFromEventsStoredThroughTheEngine() throws Exception {
        try (JetstreamPeer peer = new JetstreamPeer(Script.send(false, Events.post(T0, "p1", "a"),
                Events.like(T0 + 1, "l1"), Events.post(T0 + 2, "p2", "b")))) {
            BlueskyJetstreamSourceFactory factory = new BlueskyJetstreamSourceFactory();
            Config config = Config.builder(factory.configSpec())
                    .setRaw("endpoint", peer.endpoint())
                    .setRaw("wanted-collections", List.of("app.bsky.feed.post", "app.bsky.feed.like"))
                    .build();
            ManualClock clock = new ManualClock();
            List<BatchReport> reports = new CopyOnWriteArrayList<>();
            List<Map<String, Long>> counts = new CopyOnWriteArrayList<>();
            RecordFormats formats = RecordFormats.standard();
            StreamingContext ctx = StreamingContext.builder().name("social").batchInterval(Duration.ofSeconds(1))
                    .clock(clock).parallelism(1).formats(formats::get).listener(reports::add).build();
            try (ctx) {
                ctx.source("posts", factory, config)
                        .mapToPair(event -> KeyValue.of(event.getString("collection"), 1L))
                        .reduceByKey(Long::sum)
                        .foreachBatch((batch, pairs) -> {
                            Map<String, Long> byCollection = new TreeMap<>();
                            pairs.forEach(kv -> byCollection.put(kv.key(), kv.value()));
                            counts.add(byCollection);
                        });
                ctx.start();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> ctx.metrics().getOrDefault("posts.events_received", 0.0) >= 3);

                clock.advance(Duration.ofSeconds(1));
                await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() == 1);
            }
            assertThat(reports.get(0).recordsIn()).isEqualTo(3);
            assertThat(counts.get(0)).isEqualTo(Map.of("app.bsky.feed.post", 2L, "app.bsky.feed.like", 1L));
        }
    }
}

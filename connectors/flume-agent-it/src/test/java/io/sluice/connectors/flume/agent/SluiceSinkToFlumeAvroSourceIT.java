package io.sluice.connectors.flume.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.flume.FlumeSinkFactory;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Sluice's flume sink sends to Flume's own avro source (deflate); while the Flume channel is full
 * the source answers FAILED, the sink retries, and once Flume drains every record arrives.
 */
class SluiceSinkToFlumeAvroSourceIT {

    @Test
    void everyRecordReachesFlumeThroughAFullChannelThatRefusesForAWhile() throws Exception {
        try (FlumeAvroSourceInJvm flume = new FlumeAvroSourceInJvm(30, Map.of("compression-type", "deflate"))) {
            Queue<List<Record>> input = new ConcurrentLinkedQueue<>();
            List<String> expected = new ArrayList<>();
            for (int batch = 0; batch < 4; batch++) {
                List<Record> records = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String id = "to-flume-" + batch + "-" + i;
                    records.add(Record.of(Map.of("text", id)));
                    expected.add(id);
                }
                input.add(records);
            }
            RecordFormats formats = RecordFormats.standard();
            StreamingContext context = StreamingContext.builder().name("to-flume").batchInterval(Duration.ofMillis(100))
                    .parallelism(2).formats(formats::get).batchRetries(10, Duration.ofMillis(50)).build();
            Config sink = Config.builder(new FlumeSinkFactory().configSpec())
                    .setRaw("hosts", "127.0.0.1:" + flume.port).setRaw("format", "text").setRaw("batch-size", 10)
                    .setRaw("compression", "deflate").setRaw("max-attempts", 20).setRaw("retry-backoff", "20ms")
                    .setRaw("max-retry-backoff", "100ms").build();
            RecordStream.of(context.queueStream("events", input, true)).to("to-flume", new FlumeSinkFactory(), sink);
            context.start();

            Set<String> received = ConcurrentHashMap.newKeySet();
            try {
                // Flume is not drained until it has refused a call: the channel (30) is full.
                await().atMost(SluiceWithFlumeSources.DEADLINE).until(
                        () -> context.metrics().getOrDefault("to-flume.failed_attempts", 0.0) > 0);
                await().atMost(SluiceWithFlumeSources.DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> {
                    received.addAll(flume.drain());
                    return received.containsAll(expected);
                });
                assertThat(context.awaitTermination(SluiceWithFlumeSources.DEADLINE)).isTrue();
            } finally {
                context.stop(false);
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}

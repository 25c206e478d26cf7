package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The flume sink in the real engine: batches Flume refuses are run again until they are delivered. */
class FlumeSinkPipelineIT {
    private static RecordingFlumeSource flume;

    @BeforeAll
    static void startFlumeSource() throws InterruptedException {
        flume = new RecordingFlumeSource();
    }

    @AfterAll
    static void stopFlumeSource() {
        flume.close();
    }

    private static Config sinkConfig(Map<String, Object> values) {
        Config.Builder b = Config.builder(FlumeSinkFactory.SPEC);
        values.forEach(b::setRaw);
        return b.build();
    }

    @Test
    void aBatchFlumeRefusesIsRunAgainByTheEngineAndEveryRecordArrives() throws Exception {
        flume.events.clear();
        flume.failNext(2);
        Queue<List<Record>> input = new ConcurrentLinkedQueue<>();
        List<String> expected = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "engine-" + batch + "-" + i;
                records.add(Record.of(Map.of("id", id)));
                expected.add("{\"id\":\"" + id + "\"}");
            }
            input.add(records);
        }
        RecordFormats formats = RecordFormats.standard();
        StreamingContext context = StreamingContext.builder().name("to-flume").batchInterval(Duration.ofMillis(100))
                .parallelism(2).formats(formats::get).batchRetries(5, Duration.ofMillis(10)).build();
        RecordStream.of(context.queueStream("events", input, true))
                .to("to-flume", new FlumeSinkFactory(), sinkConfig(Map.of("hosts", "127.0.0.1:" + flume.port(),
                        "max-attempts", 1, "batch-size", 7)));
        context.start();

        assertThat(context.awaitTermination(SluicePipeline.DEADLINE)).isTrue();

        assertThat(new HashSet<>(flume.bodies())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(context.metrics().get("to-flume.failed_attempts")).isEqualTo(2.0);
    }

    @Test
    void eventsFromAFlumeClientFlowThroughSluiceToAFlumeSource() throws Exception {
        flume.events.clear();
        RecordFormats formats = RecordFormats.standard();
        StreamingContext context = StreamingContext.builder().name("relay").batchInterval(Duration.ofMillis(100))
                .parallelism(2).formats(formats::get).build();
        Config sourceConfig = SluicePipeline.sourceConfig(Map.of("bind", "127.0.0.1", "port", 0, "format", "json"));
        FlumeSource source = (FlumeSource) new FlumeSourceFactory().create(sourceConfig);
        context.source("from-agents", source, sourceConfig)
                .to("to-collector", new FlumeSinkFactory(), sinkConfig(Map.of("hosts", "127.0.0.1:" + flume.port(),
                        "format", "json")));
        context.start();
        try {
            org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> source.boundPort().isPresent());
            RpcClient client = RpcClientFactory.getDefaultInstance("127.0.0.1", source.boundPort().getAsInt(), 10);
            try {
                client.appendBatch(List.of(
                        FlumeEvents.event("{\"id\":\"relay-1\"}", Map.of("host", "web-1", "timestamp", "1732390000001")),
                        FlumeEvents.event("{\"id\":\"relay-2\"}", Map.of("host", "web-2"))));
            } finally {
                client.close();
            }
            org.awaitility.Awaitility.await().atMost(SluicePipeline.DEADLINE).until(() -> flume.events.size() >= 2);
        } finally {
            context.stop(true);
        }

        assertThat(flume.bodies()).containsExactlyInAnyOrder("{\"id\":\"relay-1\"}", "{\"id\":\"relay-2\"}");
        RecordingFlumeSource.Received first = flume.events.stream().filter(e -> e.body().contains("relay-1"))
                .findFirst().orElseThrow();
        assertThat(first.headers()).containsEntry("host", "web-1").containsEntry("timestamp", "1732390000001");
    }
}

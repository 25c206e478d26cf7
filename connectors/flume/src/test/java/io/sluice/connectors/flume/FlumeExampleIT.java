package io.sluice.connectors.flume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.console.ConsoleSinkFactory;
import io.sluice.platform.compiler.PipelineCompiler;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.plugin.ComponentRegistry;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.BatchReport;
import io.sluice.platform.stream.StreamingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flume.Event;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;
import org.junit.jupiter.api.Test;

/** examples/flume-to-console.yaml loads, validates and runs, and receives what a Flume client sends. */
class FlumeExampleIT {
    private static final Path EXAMPLE = Path.of("../../examples/flume-to-console.yaml");

    @Test
    void theExampleReceivesEventsFromAFlumeClient() throws Exception {
        ComponentRegistry registry = ComponentRegistry.of(new FlumeSourceFactory(), new FlumeSinkFactory(),
                new ConsoleSinkFactory());
        PipelineDefinition pipeline = new PipelineLoader(registry, Map.of("FLUME_BIND", "127.0.0.1", "FLUME_PORT", "0"))
                .load(EXAMPLE);
        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        List<BadRecord> bad = new CopyOnWriteArrayList<>();
        RecordFormats formats = RecordFormats.standard();
        StreamingContext context = PipelineCompiler.compile(pipeline, StreamingContext.builder().parallelism(2)
                .formats(formats::get).listener(reports::add).errorReporter(bad::add));
        context.start();
        try {
            await().atMost(SluicePipeline.DEADLINE).until(() -> context.metrics().containsKey("sources.agents.port"));
            int port = context.metrics().get("sources.agents.port").intValue();
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(FlumeEvents.event("{\"host\": \"web-" + (i % 3) + "\", \"status\": 200}", Map.of("i", "" + i)));
            }
            RpcClient client = RpcClientFactory.getDefaultInstance("127.0.0.1", port, 20);
            try {
                client.appendBatch(events);
            } finally {
                client.close();
            }
            await().atMost(SluicePipeline.DEADLINE).until(() -> reports.stream().mapToLong(BatchReport::recordsIn).sum() >= 20);
        } finally {
            context.stop(true);
        }
        assertThat(bad).isEmpty();
        assertThat(context.metrics().get("sources.agents.events_accepted")).isEqualTo(20.0);
    }
}

package io.sluice.connectors.flume.agent;

import static org.awaitility.Awaitility.await;

import io.sluice.connectors.flume.FlumeSourceFactory;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running Sluice pipeline whose flume sources (built by the plugin's factory, configured as a
 * pipeline file would) feed one collected stream; each source's bound port is read from its
 * {@code port} metric.
 */
final class SluiceWithFlumeSources implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(90);

    final StreamingContext context;
    final List<Record> records = new CopyOnWriteArrayList<>();
    private final int sources;

    @SafeVarargs
    SluiceWithFlumeSources(Map<String, Object>... sourceConfigs) {
        RecordFormats formats = RecordFormats.standard();
        context = StreamingContext.builder().name("from-flume-agent").batchInterval(Duration.ofMillis(100))
                .parallelism(2).formats(formats::get).build();
        FlumeSourceFactory factory = new FlumeSourceFactory();
        RecordStream all = null;
        for (int i = 0; i < sourceConfigs.length; i++) {
            Config.Builder b = Config.builder(factory.configSpec());
            sourceConfigs[i].forEach(b::setRaw);
            RecordStream stream = context.source("agents-" + i, factory, b.build());
            all = all == null ? stream : all.union(stream);
        }
        sources = sourceConfigs.length;
        all.foreachBatch((batch, batchRecords) -> records.addAll(batchRecords));
        context.start();
        for (int i = 0; i < sources; i++) {
            int source = i;
            await().atMost(DEADLINE).until(() -> context.metrics().containsKey("agents-" + source + ".port"));
        }
    }

    int port(int source) {
        return context.metrics().get("agents-" + source + ".port").intValue();
    }

    /** The distinct values of {@code header} starting with {@code prefix} (delivery is at-least-once: events may repeat). */
    List<String> headerValues(String header, String prefix) {
        return records.stream().map(r -> r.headers().get(header)).filter(v -> v != null && v.startsWith(prefix))
                .distinct().toList();
    }

    @Override
    public void close() {
        context.stop(true);
    }
}

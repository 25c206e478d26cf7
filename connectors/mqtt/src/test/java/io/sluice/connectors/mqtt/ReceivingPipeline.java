package io.sluice.connectors.mqtt;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A pipeline run by the real engine: an {@code mqtt} source whose batches are collected, and bad input too. */
final class ReceivingPipeline implements AutoCloseable {
    final StreamingContext context;
    final List<Record> records = new CopyOnWriteArrayList<>();
    final List<BadRecord> bad = new CopyOnWriteArrayList<>();
    private boolean started;

    /**
     * @param config  the source's keys (servers, topics, ...) as a pipeline file would give them
     * @param onBatch called with each batch's records after they were collected (may block, to hold a batch)
     */
    ReceivingPipeline(String name, Map<String, Object> config, int maxPending, Consumer<List<Record>> onBatch) {
        this(name, config, maxPending, onBatch, null);
    }

    /** @param checkpointDir where the write-ahead log goes, or {@code null} for none */
    ReceivingPipeline(String name, Map<String, Object> config, int maxPending, Consumer<List<Record>> onBatch,
            Path checkpointDir) {
        StreamingContext.Builder builder = StreamingContext.builder()
                .name(name)
                .batchInterval(Duration.ofMillis(100))
                .parallelism(1)
                .formats(RecordFormats.standard()::get)
                .errorReporter(bad::add)
                .receiverMaxPendingRecords(maxPending);
        if (checkpointDir != null) {
            builder.checkpointDirectory(checkpointDir);
        }
        context = builder.build();
        context.source("sensors", new MqttSourceFactory(), config(MqttSourceFactory.SPEC, config))
                .foreachBatch((batch, batchRecords) -> {
                    records.addAll(batchRecords);
                    onBatch.accept(batchRecords);
                });
    }

    ReceivingPipeline(String name, Map<String, Object> config) {
        this(name, config, 100_000, batch -> { });
    }

    static Config config(io.sluice.spi.config.ConfigSpec spec, Map<String, Object> values) {
        Config.Builder builder = Config.builder(spec);
        values.forEach(builder::setRaw);
        return builder.build();
    }

    ReceivingPipeline start() {
        context.start();
        started = true;
        return this;
    }

    List<String> payloadTexts() {
        return records.stream().map(r -> String.valueOf(r.get("text"))).toList();
    }

    @Override
    public void close() throws InterruptedException {
        context.stop(true);
        if (started) {
            context.awaitTermination(Duration.ofMinutes(1));
        }
    }
}

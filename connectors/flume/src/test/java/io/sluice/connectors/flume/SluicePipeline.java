package io.sluice.connectors.flume;

import static org.awaitility.Awaitility.await;

import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.stream.BadRecord;
import io.sluice.platform.stream.RecordStream;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A real Sluice pipeline (the platform's Java API, on the system clock with short batches) whose
 * flume sources' records are collected, for tests that push to it with Flume's clients.
 *
 * <pre>{@code
 * try (SluicePipeline sluice = SluicePipeline.start(Map.of("port", 0))) {
 *     RpcClient client = RpcClientFactory.getDefaultInstance("127.0.0.1", sluice.port());
 *     ...
 *     sluice.awaitRecords(100);
 * }
 * }</pre>
 */
final class SluicePipeline implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    final StreamingContext context;
    final List<FlumeSource> sources = new ArrayList<>();
    final List<Record> records = new CopyOnWriteArrayList<>();
    final List<BadRecord> badRecords = new CopyOnWriteArrayList<>();
    /** While set, processing waits for it to open: the pipeline falls behind and backpressure builds up. */
    final AtomicReference<CountDownLatch> holdProcessing = new AtomicReference<>();

    private SluicePipeline(Consumer<StreamingContext.Builder> tuning, List<Map<String, Object>> sourceConfigs) {
        RecordFormats formats = RecordFormats.standard();
        StreamingContext.Builder builder = StreamingContext.builder()
                .name("flume-test")
                .batchInterval(Duration.ofMillis(100))
                .parallelism(2)
                .formats(formats::get)
                .errorReporter(badRecords::add);
        tuning.accept(builder);
        context = builder.build();
        RecordStream all = null;
        for (int i = 0; i < sourceConfigs.size(); i++) {
            Config config = sourceConfig(sourceConfigs.get(i));
            FlumeSource source = (FlumeSource) new FlumeSourceFactory().create(config);
            sources.add(source);
            RecordStream stream = context.source("flume-" + i, source, config);
            all = all == null ? stream : all.union(stream);
        }
        all.foreachBatch((batch, batchRecords) -> {
            CountDownLatch hold = holdProcessing.get();
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while held", e);
                }
            }
            records.addAll(batchRecords);
        });
    }

    /** Starts a pipeline with one flume source per config (unioned), and waits until every one listens. */
    @SafeVarargs
    static SluicePipeline start(Map<String, Object>... sourceConfigs) {
        return start(b -> { }, sourceConfigs);
    }

    @SafeVarargs
    static SluicePipeline start(Consumer<StreamingContext.Builder> tuning, Map<String, Object>... sourceConfigs) {
        SluicePipeline pipeline = new SluicePipeline(tuning, List.of(sourceConfigs));
        pipeline.context.start();
        for (FlumeSource source : pipeline.sources) {
            await().atMost(DEADLINE).until(() -> source.boundPort().isPresent());
        }
        return pipeline;
    }

    static Config sourceConfig(Map<String, Object> values) {
        Config.Builder b = Config.builder(FlumeSourceFactory.SPEC);
        values.forEach(b::setRaw);
        return b.build();
    }

    /** The port of the first source. */
    int port() {
        return port(0);
    }

    int port(int source) {
        return sources.get(source).boundPort().orElseThrow();
    }

    /** Waits until at least {@code n} records were processed. */
    void awaitRecords(int n) {
        await().atMost(DEADLINE).until(() -> records.size() >= n);
    }

    /** The record bodies as text (payloads, for the bytes format). */
    List<String> payloads() {
        return records.stream().map(Record::payloadAsString).toList();
    }

    /** Stops gracefully: what was accepted is processed first. */
    @Override
    public void close() {
        context.stop(true);
    }
}

package io.sluice.connectors.flume;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.ReceiverContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ReceiverContext} over a test component context that keeps what was stored, or refuses
 * stores as a stopping pipeline does once {@link #refuse()} was called, or blocks them as a pipeline
 * applying backpressure does ({@link #blockUntil}).
 */
final class RecordingReceiverContext implements ReceiverContext {
    final List<Record> stored = new CopyOnWriteArrayList<>();
    private final ComponentContext context;
    private volatile boolean refusing;
    private volatile java.util.concurrent.CountDownLatch blockedUntil;

    RecordingReceiverContext(ComponentContext context) {
        this.context = context;
    }

    void refuse() {
        refusing = true;
    }

    /** From now on, {@code store} blocks (as under backpressure) until {@code latch} opens or it is interrupted. */
    void blockUntil(java.util.concurrent.CountDownLatch latch) {
        blockedUntil = latch;
    }

    @Override
    public void store(List<Record> records) throws InterruptedException {
        java.util.concurrent.CountDownLatch latch = blockedUntil;
        if (latch != null) {
            latch.await();
        }
        if (refusing) {
            throw new RetriableException("pipeline is stopping: " + records.size() + " records were not accepted");
        }
        stored.addAll(records);
    }

    @Override
    public boolean stopping() {
        return refusing;
    }

    @Override
    public String pipelineName() {
        return context.pipelineName();
    }

    @Override
    public String componentName() {
        return context.componentName();
    }

    @Override
    public Config config() {
        return context.config();
    }

    @Override
    public Clock clock() {
        return context.clock();
    }

    @Override
    public Metrics metrics() {
        return context.metrics();
    }

    @Override
    public ErrorReporter errors() {
        return context.errors();
    }

    @Override
    public RecordFormat format(String name) {
        return context.format(name);
    }
}

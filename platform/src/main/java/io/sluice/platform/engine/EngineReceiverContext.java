package io.sluice.platform.engine;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.ReceiverContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The {@link ReceiverContext} of one receiver: its component context plus its buffer. */
final class EngineReceiverContext implements ReceiverContext {
    private final ComponentContext context;
    private final ReceiverBuffer buffer;

    EngineReceiverContext(ComponentContext context, ReceiverBuffer buffer) {
        this.context = context;
        this.buffer = buffer;
    }

    @Override
    public void store(List<Record> records) throws InterruptedException {
        buffer.store(records);
    }

    @Override
    public CompletionStage<Void> storeAsync(List<Record> records) throws InterruptedException {
        return buffer.storeAsync(records);
    }

    @Override
    public boolean stopping() {
        return buffer.closed();
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

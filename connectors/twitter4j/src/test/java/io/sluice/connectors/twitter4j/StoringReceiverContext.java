package io.sluice.connectors.twitter4j;

import io.sluice.platform.format.JsonFormat;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.source.ReceiverContext;
import io.sluice.spi.testkit.TestComponentContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A receiver context over a {@link TestComponentContext} (with the platform's json format) that keeps what is stored. */
final class StoringReceiverContext implements ReceiverContext {
    final TestComponentContext context;
    final List<Record> stored = new CopyOnWriteArrayList<>();

    StoringReceiverContext(Config config, Clock clock) {
        this.context = TestComponentContext.builder().config(config).clock(clock).componentName("sources.tweets")
                .format(new JsonFormat()).build();
    }

    @Override
    public void store(List<Record> records) {
        stored.addAll(records);
    }

    @Override
    public boolean stopping() {
        return false;
    }

    long count(String metric) {
        return context.testMetrics().count(metric);
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

    /** The component context alone, as the engine hands it to createReceiver. */
    ComponentContext componentContext() {
        return this;
    }
}

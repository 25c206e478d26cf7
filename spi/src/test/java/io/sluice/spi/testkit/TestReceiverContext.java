package io.sluice.spi.testkit;

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
 * A {@link ReceiverContext} for a receiver's unit tests: everything a {@link TestComponentContext}
 * offers, and {@link #store} keeps what the receiver stored (or refuses it, as a stopping pipeline
 * does, after {@link #stopping(boolean) stopping(true)}).
 *
 * <pre>{@code
 * TestReceiverContext ctx = new TestReceiverContext(TestComponentContext.builder().config(config).build());
 * receiver.start(ctx);
 * await().until(() -> ctx.stored().size() == 2);
 * assertThat(ctx.context().collectedErrors().raw()).isEmpty();
 * }</pre>
 */
public class TestReceiverContext implements ReceiverContext {
    private final TestComponentContext context;
    private final List<Record> stored = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    public TestReceiverContext(TestComponentContext context) {
        this.context = context;
    }

    /** Keeps the records, unless {@link #stopping(boolean) stopping}: then refuses them as the engine does. */
    @Override
    public void store(List<Record> records) {
        if (stopping) {
            throw new RetriableException("the pipeline is stopping; records not accepted");
        }
        stored.addAll(records);
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    /** Makes the context behave like a stopping pipeline: {@link #store} throws. */
    public void stopping(boolean value) {
        this.stopping = value;
    }

    /** What was stored, in order; safe to read while the receiver stores. */
    public List<Record> stored() {
        return stored;
    }

    /** The component context underneath (collected errors, test metrics). */
    public TestComponentContext context() {
        return context;
    }

    /** The count of one of the component's counters. */
    public long count(String metric) {
        return context.testMetrics().count(metric);
    }

    /** This context seen as the plain {@link ComponentContext} the engine hands to {@code createReceiver}. */
    public ComponentContext componentContext() {
        return this;
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

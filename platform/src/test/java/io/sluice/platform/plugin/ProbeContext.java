package io.sluice.platform.plugin;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Metrics;
import io.sluice.spi.Record;
import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.operator.KeyedState;
import io.sluice.spi.operator.OperatorContext;
import io.sluice.spi.source.ReceiverContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The contexts the test plugins are called with: enough for the probe plugin, which only stores
 * records; the platform services it never touches fail loudly if a plugin does reach for them.
 */
final class ProbeContext implements ReceiverContext, OperatorContext {
    static final BatchInfo BATCH = new BatchInfo(1, Instant.parse("2025-01-01T00:00:00Z"), Duration.ofSeconds(1));

    final List<Record> stored = new ArrayList<>();

    @Override
    public void store(List<Record> records) {
        stored.addAll(records);
    }

    @Override
    public boolean stopping() {
        return false;
    }

    @Override
    public String pipelineName() {
        return "plugin-test";
    }

    @Override
    public String componentName() {
        return "sources.probe";
    }

    @Override
    public Config config() {
        return Config.builder(ConfigSpec.empty()).build();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Metrics metrics() {
        throw new UnsupportedOperationException("the probe plugins use no metrics");
    }

    @Override
    public ErrorReporter errors() {
        throw new UnsupportedOperationException("the probe plugins report no errors");
    }

    @Override
    public RecordFormat format(String name) {
        throw new UnsupportedOperationException("the probe plugins use no formats");
    }

    @Override
    public BatchInfo batch() {
        return BATCH;
    }

    @Override
    public int partition() {
        return 0;
    }

    @Override
    public KeyedState state() {
        throw new IllegalStateException("the probe operator is not keyed");
    }
}

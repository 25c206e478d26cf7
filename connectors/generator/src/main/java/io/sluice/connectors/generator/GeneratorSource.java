package io.sluice.connectors.generator;

import io.sluice.spi.ComponentContext;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;

/** A configured generator: event ranges as splits, planned from the next event number. */
final class GeneratorSource implements ReplayableSource<EventRange> {
    private final GeneratorConfig config;

    GeneratorSource(GeneratorConfig config) {
        this.config = config;
    }

    @Override
    public SplitCodec<EventRange> splitCodec() {
        return new EventRangeCodec();
    }

    @Override
    public SplitPlanner<EventRange> createPlanner(ComponentContext context) {
        return new GeneratorPlanner(config);
    }

    @Override
    public SplitReader<EventRange> createReader(ComponentContext context) {
        return new GeneratorReader(config.newWorkload(), GeneratorConfig.JSON.equals(config.output()));
    }
}

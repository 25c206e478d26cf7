package io.sluice.connectors.generator;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import org.pf4j.Extension;

/**
 * The {@code generator} source type: synthetic, deterministic events, replayable by event number.
 *
 * <pre>{@code
 * sources:
 *   sensors:
 *     type: generator
 *     workload: bus-sensors
 *     rate: 100000          # events per second; or events-per-batch
 *     limit: 10000000       # absent: endless
 * }</pre>
 */
@Extension
public final class GeneratorSourceFactory implements SourceFactory {
    @Override
    public String type() {
        return "generator";
    }

    @Override
    public String description() {
        return "Synthetic, deterministic events (the bus-occupancy workload's sensor events), "
                + "rate-limited or as fast as possible, bounded or endless; replayable by event number.";
    }

    @Override
    public ConfigSpec configSpec() {
        return GeneratorConfig.SPEC;
    }

    /**
     * @throws io.sluice.spi.config.ConfigException if both events-per-batch and rate are set
     */
    @Override
    public Source create(Config config) {
        return new GeneratorSource(GeneratorConfig.from(config));
    }
}

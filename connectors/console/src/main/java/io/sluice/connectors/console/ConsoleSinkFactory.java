package io.sluice.connectors.console;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import org.pf4j.Extension;

/**
 * The {@code console} sink type.
 *
 * <pre>{@code
 * sinks:
 *   occupancy-console:
 *     type: console
 *     from: occupancy
 *     max-records: 5
 *     format: json        # optional; default: key -> {fields}
 * }</pre>
 */
@Extension
public final class ConsoleSinkFactory implements SinkFactory {
    static final ConfigKey<Integer> MAX_RECORDS = ConfigKey.integer("max-records")
            .description("How many records of each batch to print; '...' follows when the batch has more.")
            .defaultValue(10)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.string("format")
            .description("Print each record in this record format (json, text, bytes) instead of the default "
                    + "'key -> {field=value, ...}' (or the payload text, for records that are only bytes).")
            .example("json")
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(MAX_RECORDS, FORMAT);

    @Override
    public String type() {
        return "console";
    }

    @Override
    public String description() {
        return "Prints the first records of each batch to standard output, like Spark Streaming's print().";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Sink create(Config config) {
        return new ConsoleSink(config.get(MAX_RECORDS), config.find(FORMAT).orElse(null), System.out);
    }
}

package io.sluice.connectors.generator;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import java.util.OptionalLong;

/**
 * The generator's configuration keys, and the settings read from a validated {@link Config}.
 *
 * @param workload       the workload name
 * @param buses          buses of the bus-sensors workload
 * @param eventsPerBatch events per batch, unless a rate is set
 * @param rate           events per second, converted to events per batch by the batch interval
 * @param limit          how many events in all; empty for an endless stream
 * @param start          the first event number
 * @param output         {@code json} (payload) or {@code fields}
 * @param splits         splits per batch: the read parallelism
 */
record GeneratorConfig(String workload, int buses, long eventsPerBatch, OptionalLong rate, OptionalLong limit,
                       long start, String output, int splits) {

    static final String JSON = "json";
    static final String FIELDS = "fields";

    static final ConfigKey<String> WORKLOAD = ConfigKey.oneOf("workload", BusSensorWorkload.NAME)
            .description("Which synthetic events to generate. bus-sensors: the bus-occupancy workload's sensor events "
                    + "(one per passenger count at a stop), exactly as specified, seeded and deterministic.")
            .defaultValue(BusSensorWorkload.NAME)
            .build();
    static final ConfigKey<Integer> BUSES = ConfigKey.integer("buses")
            .description("Number of buses (bus-sensors): ids bus-0000, bus-0001, ...; events go round robin over them.")
            .defaultValue(2000)
            .validate(Validators.between(1, 1_000_000))
            .build();
    static final ConfigKey<Long> EVENTS_PER_BATCH = ConfigKey.longValue("events-per-batch")
            .description("Events in each batch (as fast as the pipeline goes). Not together with rate.")
            .defaultValue(10_000L)
            .example("20000")
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Long> RATE = ConfigKey.longValue("rate")
            .description("Events per second: each batch gets rate x batch interval events (fractions carry over "
                    + "exactly from batch to batch). Not together with events-per-batch.")
            .example("100000")
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigKey<Long> LIMIT = ConfigKey.longValue("limit")
            .description("Total number of events; the source is exhausted after them. Absent: endless.")
            .example("200000")
            .validate(Validators.atLeast(0))
            .build();
    static final ConfigKey<Long> START = ConfigKey.longValue("start")
            .description("Number of the first event (events are numbered from 0), e.g. to continue an earlier run.")
            .defaultValue(0L)
            .validate(Validators.atLeast(0))
            .build();
    static final ConfigKey<String> OUTPUT = ConfigKey.oneOf("output", JSON, FIELDS)
            .description("json: each event as one JSON line in the record's payload bytes (follow with `parse: json`); "
                    + "fields: each event as structured record fields.")
            .defaultValue(JSON)
            .build();
    static final ConfigKey<Integer> SPLITS = ConfigKey.integer("splits")
            .description("Splits per batch, each an event range read by one worker: the read parallelism.")
            .defaultValue(2)
            .validate(Validators.between(1, 1024))
            .build();

    static final ConfigSpec SPEC = ConfigSpec.of(WORKLOAD, BUSES, EVENTS_PER_BATCH, RATE, LIMIT, START, OUTPUT, SPLITS);

    /**
     * @throws ConfigException if both events-per-batch and rate are set
     */
    static GeneratorConfig from(Config config) {
        if (config.isSet(EVENTS_PER_BATCH) && config.isSet(RATE)) {
            throw new ConfigException("set either events-per-batch or rate, not both");
        }
        return new GeneratorConfig(
                config.get(WORKLOAD),
                config.get(BUSES),
                config.get(EVENTS_PER_BATCH),
                config.find(RATE).map(OptionalLong::of).orElse(OptionalLong.empty()),
                config.find(LIMIT).map(OptionalLong::of).orElse(OptionalLong.empty()),
                config.get(START),
                config.get(OUTPUT),
                config.get(SPLITS));
    }

    /** One past the last event number; {@link Long#MAX_VALUE} for an endless stream. */
    long end() {
        if (limit.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long end = start + limit.getAsLong();
        return end < start ? Long.MAX_VALUE : end;
    }

    Workload newWorkload() {
        if (!BusSensorWorkload.NAME.equals(workload)) {
            throw new ConfigException("unknown workload '" + workload + "'");
        }
        return new BusSensorWorkload(buses);
    }

    BatchSize batchSize() {
        return rate.isPresent() ? BatchSize.rate(rate.getAsLong()) : BatchSize.fixed(eventsPerBatch);
    }
}

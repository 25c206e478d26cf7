package io.sluice.platform.pipeline.internal;

import io.sluice.spi.config.ConfigException;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The top-level settings of a pipeline file, declared like a component's so that they are
 * validated, documented and put in the schema the same way; and the rule for names.
 */
public final class PipelineKeys {
    /** Names of pipelines, sources, streams and sinks. */
    public static final String NAME_PATTERN = "[A-Za-z][A-Za-z0-9_-]*";
    public static final String NAME_RULE = "letters, digits, '-' and '_', starting with a letter";

    public static final ConfigKey<String> NAME = ConfigKey.string("name")
            .description("The pipeline's name, used in logs, metrics and checkpoint paths.")
            .example("bus-occupancy")
            .required()
            .validate(Validators.matches(NAME_PATTERN, "a name of " + NAME_RULE))
            .build();

    public static final ConfigKey<Duration> BATCH_INTERVAL = ConfigKey.duration("batch-interval")
            .description("How often a batch is cut: every batch holds what arrived during one interval.")
            .example("1s")
            .required()
            .validate(Validators.positive())
            .build();

    public static final ConfigKey<String> CHECKPOINT_DIR = ConfigKey.string("checkpoint-dir")
            .description("Directory for checkpoints and batch logs, so a restarted pipeline resumes where it stopped.")
            .example("/var/lib/sluice/bus-occupancy")
            .validate(PipelineKeys::checkPath)
            .build();

    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL = ConfigKey.duration("checkpoint-interval")
            .description("How often state, windows and source positions are checkpointed (with checkpoint-dir), "
                    + "rounded up to whole batches; also at every graceful stop. A restart re-runs at most this much "
                    + "from the batch log. Default: 10 batch intervals.")
            .example("10s")
            .validate(Validators.positive())
            .build();

    public static final ConfigKey<String> WRITE_AHEAD_LOG = ConfigKey.oneOf("write-ahead-log", "fsync", "os-buffer",
                    "off")
            .description("When a receiver's records count as accepted (with checkpoint-dir): fsync: on disk (nothing "
                    + "acknowledged is lost in a crash of the machine); os-buffer: written to the operating system "
                    + "(survives a crash of Sluice, not of the machine); off: in memory only (a crash loses what "
                    + "receivers accepted and no batch finished).")
            .defaultValue("fsync")
            .build();

    public static final ConfigKey<Boolean> WRITE_AHEAD_LOG_SKIP_CORRUPT = ConfigKey.bool("write-ahead-log-skip-corrupt")
            .description("What a restart does with a corrupt write-ahead-log entry (not a torn tail, which is always "
                    + "cut): false stops the pipeline, naming the segment and offset; true skips the entry, reporting "
                    + "it, and loses its records.")
            .defaultValue(false)
            .build();

    public static final ConfigKey<Boolean> BACKPRESSURE = ConfigKey.bool("backpressure")
            .description("Spark's backpressure: a PID controller adapts how many records each source may feed a "
                    + "batch, so that batches are processed within the batch interval (replayable sources plan fewer "
                    + "records, receivers are slowed: MQTT holds acks, Flume answers FAILED).")
            .defaultValue(false)
            .build();

    public static final ConfigKey<Long> BACKPRESSURE_INITIAL_RATE = ConfigKey.longValue("backpressure-initial-rate")
            .description("With backpressure: records per second per source until the first batch is measured. "
                    + "Default: unlimited.")
            .example("10000")
            .validate(Validators.atLeast(1))
            .build();

    public static final ConfigKey<Long> MAX_RATE_PER_SOURCE = ConfigKey.longValue("max-rate-per-source")
            .description("A fixed ceiling, with or without backpressure: records per second each source may feed. "
                    + "Default: none.")
            .example("50000")
            .validate(Validators.atLeast(1))
            .build();

    public static final ConfigSpec SPEC = ConfigSpec.of(NAME, BATCH_INTERVAL, CHECKPOINT_DIR, CHECKPOINT_INTERVAL,
            WRITE_AHEAD_LOG, WRITE_AHEAD_LOG_SKIP_CORRUPT, BACKPRESSURE, BACKPRESSURE_INITIAL_RATE, MAX_RATE_PER_SOURCE);

    /** The sections after the settings, in the order a file usually has them. */
    public static final List<String> SECTIONS = List.of("sources", "streams", "sinks");

    private PipelineKeys() {
    }

    /** Whether {@code name} is a valid pipeline, source, stream or sink name. */
    public static boolean isValidName(String name) {
        return name.matches(NAME_PATTERN);
    }

    private static void checkPath(String path) {
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw ConfigException.at(Math.max(e.getIndex(), 0), "not a valid path: " + e.getReason());
        }
    }
}

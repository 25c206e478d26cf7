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

    public static final ConfigSpec SPEC = ConfigSpec.of(NAME, BATCH_INTERVAL, CHECKPOINT_DIR);

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

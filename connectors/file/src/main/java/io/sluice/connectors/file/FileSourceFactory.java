package io.sluice.connectors.file;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.source.Source;
import io.sluice.spi.source.SourceFactory;
import org.pf4j.Extension;

/**
 * The {@code file} source type: JSON lines or text from a directory or glob, replayable by file and
 * offset.
 *
 * <pre>{@code
 * sources:
 *   events:
 *     type: file
 *     path: /data/in/*.jsonl
 *     format: json
 * }</pre>
 */
@Extension
public final class FileSourceFactory implements SourceFactory {
    static final String JSON = "json";
    static final String TEXT = "text";

    static final ConfigKey<String> PATH = ConfigKey.string("path")
            .description("A directory (its files, not its subdirectories), one file, or a glob such as "
                    + "/data/in/*.jsonl or /data/in/**/*.txt. New files and data appended to files are read by later "
                    + "batches; files must only grow. Hidden files (.name) are never read.")
            .example("/data/events/*.jsonl")
            .required()
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.oneOf("format", JSON, TEXT)
            .description("json: each line is one JSON object (empty lines are skipped); "
                    + "text: each line is one record with the line in the field 'text'.")
            .defaultValue(JSON)
            .build();
    static final ConfigKey<Long> MAX_SPLIT_BYTES = ConfigKey.longValue("max-split-bytes")
            .description("New data of one file is cut, at line boundaries, into splits of about this many bytes, "
                    + "read in parallel.")
            .defaultValue(16L * 1024 * 1024)
            .validate(Validators.atLeast(1))
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(PATH, FORMAT, MAX_SPLIT_BYTES);

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "Reads JSON lines or text from the files of a directory or glob, including new files and appended "
                + "lines; replayable by file and offset.";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Source create(Config config) {
        return new FileSource(config.get(PATH), config.get(FORMAT), config.get(MAX_SPLIT_BYTES));
    }
}

package io.sluice.connectors.file;

import io.sluice.spi.config.Config;
import io.sluice.spi.config.ConfigKey;
import io.sluice.spi.config.ConfigSpec;
import io.sluice.spi.config.Validators;
import io.sluice.spi.sink.Sink;
import io.sluice.spi.sink.SinkFactory;
import org.pf4j.Extension;

/**
 * The {@code file} sink type: one file per batch, written atomically; exactly-once.
 *
 * <pre>{@code
 * sinks:
 *   alerts-out:
 *     type: file
 *     from: alerts
 *     path: /data/out/alerts      # alerts-1.jsonl, alerts-2.jsonl, ...
 *     prefix: alerts
 * }</pre>
 */
@Extension
public final class FileSinkFactory implements SinkFactory {
    static final ConfigKey<String> PATH = ConfigKey.string("path")
            .description("The directory to write to (created if missing).")
            .example("/data/out/alerts")
            .required()
            .validate(Validators.notEmpty())
            .build();
    static final ConfigKey<String> PREFIX = ConfigKey.string("prefix")
            .description("File names are PREFIX-BATCHID.EXTENSION.")
            .defaultValue("batch")
            .validate(Validators.matches("[A-Za-z0-9][A-Za-z0-9._-]*", "a file name prefix (letters, digits, . _ -, not starting with .)"))
            .build();
    static final ConfigKey<String> FORMAT = ConfigKey.oneOf("format", FileSourceFactory.JSON, FileSourceFactory.TEXT)
            .description("json: one JSON object per line; text: the field 'text' of each record, one per line.")
            .defaultValue(FileSourceFactory.JSON)
            .build();
    static final ConfigKey<String> EXTENSION = ConfigKey.string("extension")
            .description("File name extension; default: jsonl for json, txt for text.")
            .example("ndjson")
            .validate(Validators.matches("[A-Za-z0-9]+", "letters and digits"))
            .build();
    static final ConfigSpec SPEC = ConfigSpec.of(PATH, PREFIX, FORMAT, EXTENSION);

    @Override
    public String type() {
        return "file";
    }

    @Override
    public String description() {
        return "Writes one file per batch (JSON lines or text), atomically: a batch run again replaces its own file "
                + "(exactly-once output).";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Sink create(Config config) {
        String format = config.get(FORMAT);
        String extension = config.find(EXTENSION).orElse(FileSourceFactory.JSON.equals(format) ? "jsonl" : "txt");
        return new FileSink(java.nio.file.Path.of(config.get(PATH)), config.get(PREFIX), format, extension);
    }
}

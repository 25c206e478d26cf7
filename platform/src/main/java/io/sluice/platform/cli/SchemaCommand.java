package io.sluice.platform.cli;

import io.sluice.platform.pipeline.PipelineSchema;
import io.sluice.platform.plugin.PluginHost;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice schema}: the JSON Schema of pipeline files for the loaded plugins (for editors and CI). */
@Command(name = "schema", description = "Print the JSON Schema (2020-12) of pipeline files, generated from the loaded components.")
final class SchemaCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    SchemaCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (PluginHost host = plugins.load(environment)) {
            environment.out().println(PipelineSchema.toJson(host.registry()));
            return ExitCodes.OK;
        }
    }
}

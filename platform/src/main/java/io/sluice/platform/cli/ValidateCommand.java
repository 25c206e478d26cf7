package io.sluice.platform.cli;

import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.pipeline.PipelineValidationException;
import io.sluice.platform.pipeline.Problem;
import io.sluice.platform.plugin.PluginHost;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice validate}: checks pipeline files and prints every problem as {@code file:line:col: path: message}. */
@Command(name = "validate", description = "Check pipeline files; print every problem as file:line:col: path: message.")
final class ValidateCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    @Parameters(paramLabel = "PIPELINE", arity = "1..*", description = "Pipeline YAML files.")
    List<Path> files;

    ValidateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        int exit = ExitCodes.OK;
        try (PluginHost host = plugins.load(environment)) {
            PipelineLoader loader = new PipelineLoader(host.registry(), environment.env());
            for (Path file : files) {
                try {
                    loader.load(file);
                    environment.out().println(file + ": valid");
                } catch (PipelineValidationException e) {
                    for (Problem p : e.problems()) {
                        environment.err().println(p);
                    }
                    exit = ExitCodes.INVALID;
                }
            }
        }
        return exit;
    }
}

package io.sluice.platform.cli;

import io.sluice.platform.docs.ReferenceDocs;
import io.sluice.platform.plugin.PluginHost;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice docs}: writes the configuration reference generated from the loaded components. */
@Command(name = "docs", description = "Write the configuration reference (Markdown) of every built-in step and loaded component.")
final class DocsCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Directory to write into (created if missing).")
    Path output;

    DocsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (PluginHost host = plugins.load(environment)) {
            ReferenceDocs.write(host.registry(), output);
            environment.out().println("wrote " + output.toAbsolutePath());
            return ExitCodes.OK;
        }
    }
}

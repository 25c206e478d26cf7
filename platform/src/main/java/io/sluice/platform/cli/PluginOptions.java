package io.sluice.platform.cli;

import io.sluice.platform.plugin.PluginHost;
import io.sluice.platform.plugin.PluginsDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --plugins-dir} option shared by every command that needs components. */
final class PluginOptions {
    @Option(names = PluginsDirectory.OPTION, paramLabel = "DIR",
            description = "Directory of plugin zips and jars. Default: $" + PluginsDirectory.ENVIRONMENT_VARIABLE
                    + ", else the distribution's plugins/.")
    Path pluginsDir;

    /** Loads plugins (and classpath extensions) and prints every plugin problem to {@code err}. */
    PluginHost load(CliEnvironment environment) {
        Path dir = PluginsDirectory.resolve(pluginsDir, environment.env(), environment.sluiceHome())
                .map(PluginsDirectory::path).orElse(null);
        PluginHost host = PluginHost.load(dir);
        host.registry().problems().forEach(p -> environment.err().println("plugin problem: " + p));
        return host;
    }
}

package io.sluice.platform.cli;

import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.PluginHost;
import io.sluice.platform.plugin.PluginInfo;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice plugins}: the loaded plugins, their versions and the component types they provide. */
@Command(name = "plugins", description = "List loaded plugins, their versions and component types; report plugins that failed to load.")
final class PluginsCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    PluginsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintStream out = environment.out();
        try (PluginHost host = plugins.load(environment)) {
            out.println("Plugins" + host.pluginsDirectory().map(d -> " in " + d).orElse("") + ":");
            if (host.plugins().isEmpty()) {
                out.println("  (none)");
            }
            for (PluginInfo p : host.plugins()) {
                out.printf("  %s %s (%s)%s%n", p.id(), p.version(), p.file().getFileName(),
                        p.description().isEmpty() ? "" : " - " + p.description());
                for (Component<?> c : host.registry().all()) {
                    if (c.pluginId().equals(p.id())) {
                        out.printf("      %-9s %s%n", c.kind().label(), c.type());
                    }
                }
            }
            boolean classpathHeader = false;
            for (Component<?> c : host.registry().all()) {
                if ("classpath".equals(c.pluginId())) {
                    if (!classpathHeader) {
                        out.println("Built into the platform (classpath):");
                        classpathHeader = true;
                    }
                    out.printf("      %-9s %s%n", c.kind().label(), c.type());
                }
            }
            return host.registry().problems().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID;
        }
    }
}

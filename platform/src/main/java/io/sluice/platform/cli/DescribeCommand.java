package io.sluice.platform.cli;

import io.sluice.platform.docs.BuiltinStepDoc;
import io.sluice.platform.docs.ComponentDoc;
import io.sluice.platform.pipeline.BuiltinStep;
import java.util.Arrays;
import io.sluice.platform.plugin.Component;
import io.sluice.platform.plugin.PluginHost;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice describe TYPE}: a component's description and configuration reference. */
@Command(name = "describe", description = "Show a component type's description and configuration keys.")
final class DescribeCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    @Parameters(paramLabel = "TYPE", description = "A source, sink, operator or step type, e.g. generator, console, filter.")
    String type;

    DescribeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (PluginHost host = plugins.load(environment)) {
            List<Component<?>> matches = host.registry().all().stream().filter(c -> c.type().equals(type)).toList();
            String builtin = BuiltinStep.byType(type).map(BuiltinStepDoc::render).orElse(null);
            if (matches.isEmpty() && builtin == null) {
                environment.err().println("unknown type '" + type + "'. Known types: "
                        + String.join(", ", host.registry().all().stream().map(Component::type).distinct().sorted().toList())
                        + ", and the built-in steps " + String.join(", ", Arrays.stream(BuiltinStep.values()).map(BuiltinStep::type).toList()));
                return ExitCodes.INVALID;
            }
            if (builtin != null) {
                environment.out().println(builtin);
            }
            for (Component<?> c : matches) {
                environment.out().println(ComponentDoc.render(c));
            }
            return ExitCodes.OK;
        }
    }
}

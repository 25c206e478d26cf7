package io.sluice.platform.cli;

import io.sluice.spi.SpiVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sluice} command. {@link #main} is the distribution's entry point; {@link #execute}
 * runs a command in-process with an injected environment (tests, embedding).
 *
 * <pre>{@code
 * int exit = SluiceCli.execute(CliEnvironment.system(), "validate", "pipeline.yaml");
 * }</pre>
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = SluiceCli.Version.class,
        description = "Micro-batch stream processing: run and inspect YAML pipelines.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; run: the pipeline finished or stopped gracefully",
            "1:invalid pipeline or input (every problem is printed), or plugins failed to load (plugins)",
            "2:bad command-line usage",
            "3:the pipeline failed while running"})
public final class SluiceCli implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private SluiceCli() {
    }

    /** {@code sluice} without a command: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        System.exit(execute(CliEnvironment.system(), ShutdownHooks.jvm(), args));
    }

    /** Runs one command; returns its exit code ({@link ExitCodes}). */
    public static int execute(CliEnvironment environment, String... args) {
        return execute(environment, stop -> () -> { }, args);
    }

    static int execute(CliEnvironment environment, ShutdownHooks hooks, String... args) {
        CommandLine cli = new CommandLine(new SluiceCli());
        cli.addSubcommand(new RunCommand(environment, hooks));
        cli.addSubcommand(new ValidateCommand(environment));
        cli.addSubcommand(new PluginsCommand(environment));
        cli.addSubcommand(new DescribeCommand(environment));
        cli.addSubcommand(new SchemaCommand(environment));
        cli.addSubcommand(new DocsCommand(environment));
        cli.setOut(new java.io.PrintWriter(environment.out(), true));
        cli.setErr(new java.io.PrintWriter(environment.err(), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            environment.err().println("sluice: " + e.getMessage());
            return e instanceof io.sluice.spi.config.ConfigException ? ExitCodes.INVALID : ExitCodes.FAILED;
        });
        return cli.execute(args);
    }

    /** {@code sluice --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sluice " + SpiVersion.CURRENT, "Java " + Runtime.version()};
        }
    }
}

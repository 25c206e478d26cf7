package io.sluice.platform.cli;

import io.sluice.platform.compiler.PipelineCompiler;
import io.sluice.platform.engine.CheckpointDirectory;
import io.sluice.platform.format.RecordFormats;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.pipeline.PipelineLoader;
import io.sluice.platform.pipeline.PipelineValidationException;
import io.sluice.platform.plugin.PluginHost;
import io.sluice.platform.stream.BatchFailedException;
import io.sluice.platform.stream.StreamingContext;
import io.sluice.spi.SluiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice run}: validates, compiles and runs a pipeline until its bounded sources are
 * exhausted or the process is asked to stop (Ctrl-C / SIGTERM: receivers stop, queued batches
 * finish, components close, exit 0).
 */
@Command(name = "run", description = "Run a pipeline. Prints one line per batch; Ctrl-C or SIGTERM stops it gracefully.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final CliEnvironment environment;
    private final ShutdownHooks shutdownHooks;

    @Mixin
    PluginOptions plugins = new PluginOptions();

    @Parameters(paramLabel = "PIPELINE", description = "The pipeline YAML file.")
    Path file;

    @Option(names = "--parallelism", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer parallelism;

    @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long a graceful stop may take before the process exits anyway. Default: ${DEFAULT-VALUE}.")
    String stopTimeout;

    @Option(names = "--from-scratch",
            description = "Delete the pipeline's batch log, checkpoints and write-ahead logs (under its checkpoint-dir) "
                    + "first, so it starts over instead of resuming where its last run stopped.")
    boolean fromScratch;

    RunCommand(CliEnvironment environment, ShutdownHooks shutdownHooks) {
        this.environment = environment;
        this.shutdownHooks = shutdownHooks;
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration timeout = (Duration) io.sluice.spi.config.ConfigType.DURATION.convert(stopTimeout);
        try (PluginHost host = plugins.load(environment)) {
            PipelineDefinition pipeline;
            try {
                pipeline = new PipelineLoader(host.registry(), environment.env()).load(file);
            } catch (PipelineValidationException e) {
                e.problems().forEach(environment.err()::println);
                return ExitCodes.INVALID;
            }
            StreamingContext.Builder settings = StreamingContext.builder()
                    .formats(RecordFormats.standard()::get)
                    .listener(new BatchLinePrinter(environment.out()));
            if (parallelism != null) {
                settings.parallelism(parallelism);
            }
            if (fromScratch && pipeline.checkpointDir().isPresent()) {
                CheckpointDirectory.clear(pipeline.checkpointDir().get());
                environment.err().println("sluice: cleared " + pipeline.checkpointDir().get() + "; starting over");
            }
            StreamingContext context = PipelineCompiler.compile(pipeline, settings);
            context.start();
            environment.err().printf("sluice: running pipeline '%s' (batch interval %d ms); Ctrl-C stops it%n",
                    pipeline.name(), pipeline.batchInterval().toMillis());
            Runnable unregister = shutdownHooks.onShutdown(() -> stopGracefully(context, timeout));
            try {
                context.awaitTermination();
            } finally {
                unregister.run();
            }
            environment.err().printf("sluice: pipeline '%s' finished%n", pipeline.name());
            return ExitCodes.OK;
        } catch (BatchFailedException e) {
            log.error("pipeline failed", e);
            environment.err().println("sluice: pipeline failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (SluiceException e) {
            log.error("pipeline failed", e);
            environment.err().println("sluice: pipeline failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (RuntimeException e) {
            log.error("pipeline failed", e);
            environment.err().println("sluice: pipeline failed: " + e);
            return ExitCodes.FAILED;
        }
    }

    private int stopGracefully(StreamingContext context, Duration timeout) {
        environment.err().println("sluice: stopping gracefully (finishing queued batches)...");
        context.stop(true);
        try {
            if (!context.awaitTermination(timeout)) {
                environment.err().println("sluice: graceful stop took longer than " + timeout + "; exiting anyway");
                return ExitCodes.FAILED;
            }
            environment.err().println("sluice: stopped");
            return ExitCodes.OK;
        } catch (BatchFailedException e) {
            environment.err().println("sluice: pipeline failed while stopping: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        }
    }
}

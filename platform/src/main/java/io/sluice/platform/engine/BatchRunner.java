package io.sluice.platform.engine;

import io.sluice.platform.stream.BatchFailedException;
import io.sluice.spi.SluiceException;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch-runner thread: takes the queued batches in order and processes them one at a time,
 * until the end marker (graceful stop), the last batch of exhausted sources, a batch that failed for
 * good, or a non-graceful stop. Then it terminates the engine, passing on the failure if any.
 */
final class BatchRunner implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    private final String pipelineName;
    private final BlockingQueue<Tick> ticks;
    private final BatchProcessor processor;
    private final BooleanSupplier halted;
    private final Consumer<Throwable> terminate;

    BatchRunner(String pipelineName, BlockingQueue<Tick> ticks, BatchProcessor processor, BooleanSupplier halted,
            Consumer<Throwable> terminate) {
        this.pipelineName = pipelineName;
        this.ticks = ticks;
        this.processor = processor;
        this.halted = halted;
        this.terminate = terminate;
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            while (!halted.getAsBoolean()) {
                Tick tick = ticks.take();
                if (tick == Tick.END) {
                    processor.finish();
                    break;
                }
                if (processor.process(tick)) {
                    log.info("{}: every source is exhausted; batch {} was the last", pipelineName, tick.batchId());
                    processor.finish();
                    break;
                }
            }
        } catch (InterruptedException | EngineStoppedException e) {
            log.debug("{}: batch runner stopped: {}", pipelineName, e.toString());
        } catch (BatchFailedException e) {
            log.error("{}: stopping: {}", pipelineName, e.getMessage(), e.getCause());
            failure = e;
        } catch (SluiceException e) {
            log.error("{}: stopping: {}", pipelineName, e.getMessage(), e);
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = new SluiceException("the batch runner of pipeline '" + pipelineName + "' failed", e);
        } finally {
            terminate.accept(failure);
        }
    }
}

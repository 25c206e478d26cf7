package io.sluice.platform.compiler;

import io.sluice.platform.durability.wal.Durability;
import io.sluice.platform.pipeline.ExecutionSettings;
import io.sluice.platform.pipeline.PipelineDefinition;
import io.sluice.platform.stream.StreamingContext;
import java.time.Duration;
import java.util.Locale;

/** Applies a pipeline file's run settings (checkpointing, write-ahead log, rate control) to a context builder. */
final class PipelineExecution {
    private PipelineExecution() {
    }

    static void apply(PipelineDefinition pipeline, StreamingContext.Builder builder) {
        ExecutionSettings execution = pipeline.execution();
        pipeline.checkpointDir().ifPresent(builder::checkpointDirectory);
        execution.checkpointInterval().ifPresent(interval ->
                builder.checkpointInterval(batches(interval, pipeline.batchInterval())));
        builder.writeAheadLog(Durability.valueOf(execution.writeAheadLog().replace('-', '_').toUpperCase(Locale.ROOT)),
                execution.skipCorruptLog());
        if (execution.backpressure()) {
            builder.backpressure(true, execution.initialRate().orElse(0L), 100);
        }
        execution.maxRatePerSource().ifPresent(builder::maxRatePerSource);
    }

    /** {@code interval} in whole batches, rounded up. */
    static int batches(Duration interval, Duration batchInterval) {
        long batch = batchInterval.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (interval.toMillis() + batch - 1) / batch));
    }
}

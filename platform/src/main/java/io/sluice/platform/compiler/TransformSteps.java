package io.sluice.platform.compiler;

import io.sluice.platform.pipeline.TransformStepDefinition;
import io.sluice.platform.stream.DStream;
import io.sluice.platform.stream.RecordStream;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import io.sluice.spi.operator.BatchTransform;
import io.sluice.spi.operator.Operator;
import io.sluice.spi.operator.OperatorContext;
import java.util.function.Function;

/**
 * Steps of batch-transform plugins: Spark's {@code transform}, or {@code transformWith} when the
 * step names a second stream. The transform is opened and closed with its step through a
 * pass-through operator named after the step (which gives it the engine's component context:
 * name, metrics, error reporter), then called once per batch on the batch thread.
 */
final class TransformSteps {
    private TransformSteps() {
    }

    /**
     * {@code stream} transformed by the step's plugin; {@code streams} resolves the name of
     * {@code transformWith}'s second stream.
     */
    static RecordStream apply(RecordStream stream, TransformStepDefinition step, Function<String, RecordStream> streams) {
        BatchTransform transform = step.component().factory().create(step.config());
        RecordStream opened = stream.apply(step.path(), new Lifecycle(transform), false, step.config());
        DStream<Record> transformed = step.with()
                .map(with -> opened.transformWith(streams.apply(with), transform::transformWith))
                .orElseGet(() -> opened.transform(transform::transform));
        return RecordStream.of(transformed);
    }

    /** Opens and closes a transform with its step; passes every record on unchanged. */
    private record Lifecycle(BatchTransform transform) implements Operator {
        @Override
        public void open(ComponentContext context) {
            transform.open(context);
        }

        @Override
        public void process(Record record, OperatorContext context, Emitter out) {
            out.emit(record);
        }

        @Override
        public void close() {
            transform.close();
        }
    }
}

package io.sluice.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.Record;
import io.sluice.spi.SluiceException;
import io.sluice.spi.source.ReplayableSource;
import io.sluice.spi.source.SplitCodec;
import io.sluice.spi.source.SplitPlanner;
import io.sluice.spi.source.SplitReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link ReplayableSource} keeps, as tests a connector's test class inherits: reading
 * a split twice yields the same records; splits survive their codec; a planner restored from
 * {@link SplitPlanner#position()} plans exactly what the original would have planned next; and
 * {@link SplitPlanner#exhausted()} is true only for a bounded source that planned all its input.
 *
 * <p>The subclass supplies the source, the context and whether the configured source is bounded, and
 * makes sure there is input: either up front, or added in {@link #beforeBatch(long)}, which the suite
 * calls once before each batch id is planned (by every planner of a test).
 *
 * <pre>{@code
 * class GeneratorSourceContractTest extends ReplayableSourceContract<EventRange> {
 *     protected ReplayableSource<EventRange> source() { return (ReplayableSource<EventRange>) factory.create(config); }
 *     protected ComponentContext context() { return TestComponentContext.builder().config(config).build(); }
 *     protected boolean bounded() { return true; }
 * }
 * }</pre>
 *
 * @param <S> the split type
 */
public abstract class ReplayableSourceContract<S> {

    /** A new source under test, configured; called once or more per test. */
    protected abstract ReplayableSource<S> source();

    /** The context planners and readers are created with. */
    protected abstract ComponentContext context();

    /** Whether the configured source is bounded (will report {@link SplitPlanner#exhausted()}). */
    protected abstract boolean bounded();

    /** How many batches a test plans; a bounded source may run out earlier. */
    protected int batches() {
        return 5;
    }

    /** Called once before batch {@code batchId} is planned, e.g. to append input. */
    protected void beforeBatch(long batchId) {
    }

    /** The batch interval the suite's batches carry. */
    protected Duration interval() {
        return Duration.ofSeconds(1);
    }

    /** At most this many batches are planned waiting for a bounded source to be exhausted. */
    protected int maxBatchesUntilExhausted() {
        return 10_000;
    }

    /** Batch {@code id} of the suite: its time is {@code id} intervals after {@link TestComponentContext#DEFAULT_TIME}. */
    protected final BatchInfo batch(long id) {
        return new BatchInfo(id, TestComponentContext.DEFAULT_TIME.plus(interval().multipliedBy(id)), interval());
    }

    @Test
    void readingEverySplitTwiceYieldsIdenticalRecords() {
        ReplayableSource<S> source = source();
        List<S> splits = planAll(source);
        long total = 0;
        try (SplitReader<S> reader = source.createReader(context())) {
            for (S split : splits) {
                List<Record> first = read(reader, split);
                List<Record> second = read(reader, split);
                assertThat(second).as("second read of split %s", split).isEqualTo(first);
                total += first.size();
            }
        }
        assertThat(total).as("records read from %d splits: give the contract some input", splits.size()).isPositive();
    }

    @Test
    void splitsSurviveACodecRoundTrip() {
        ReplayableSource<S> source = source();
        SplitCodec<S> codec = source.splitCodec();
        List<S> splits = planAll(source);
        assertThat(splits).as("planned splits: give the contract some input").isNotEmpty();
        try (SplitReader<S> reader = source.createReader(context())) {
            for (S split : splits) {
                byte[] bytes = codec.encode(split);
                S decoded = codec.decode(codec.version(), bytes);
                assertThat(decoded).as("decoded split").isEqualTo(split);
                assertThat(codec.encode(decoded)).as("re-encoded split %s", split).isEqualTo(bytes);
                assertThat(read(reader, decoded)).as("records of decoded split %s", split).isEqualTo(read(reader, split));
            }
        }
    }

    @Test
    void theCodecRejectsAnUnknownVersion() {
        ReplayableSource<S> source = source();
        SplitCodec<S> codec = source.splitCodec();
        List<S> splits = planAll(source);
        assertThat(splits).as("planned splits: give the contract some input").isNotEmpty();
        byte[] bytes = codec.encode(splits.get(0));
        assertThatThrownBy(() -> codec.decode(codec.version() + 1, bytes)).isInstanceOf(SluiceException.class);
    }

    @Test
    void aRestoredPlannerPlansWhatTheOriginalWouldPlanNext() {
        ReplayableSource<S> source = source();
        SplitCodec<S> codec = source.splitCodec();
        int restoreAfter = batches() / 2;
        try (SplitPlanner<S> original = source.createPlanner(context())) {
            List<SplitPlanner<S>> restored = new ArrayList<>();
            try {
                restored.add(restore(source, original.position()));   // from a planner that planned nothing
                for (long id = 1; id <= batches(); id++) {
                    if (id == restoreAfter + 1) {
                        restored.add(restore(source, original.position()));
                    }
                    beforeBatch(id);
                    List<S> expected = original.plan(batch(id), Long.MAX_VALUE);
                    for (SplitPlanner<S> copy : restored) {
                        List<S> actual = copy.plan(batch(id), Long.MAX_VALUE);
                        assertThat(encodeAll(codec, actual)).as("splits of batch %d: restored %s, original %s", id, actual, expected)
                                .containsExactlyElementsOf(encodeAll(codec, expected));
                        assertThat(copy.position()).as("position after batch %d", id).isEqualTo(original.position());
                    }
                }
            } finally {
                restored.forEach(SplitPlanner::close);
            }
        }
    }

    @Test
    void anEmptyPositionIsRejected() {
        try (SplitPlanner<S> planner = source().createPlanner(context())) {
            assertThatThrownBy(() -> planner.restore(new byte[0])).isInstanceOf(SluiceException.class);
        }
    }

    @Test
    void exhaustedOnlyWhenBounded() {
        try (SplitPlanner<S> planner = source().createPlanner(context())) {
            if (!bounded()) {
                for (long id = 1; id <= batches(); id++) {
                    beforeBatch(id);
                    planner.plan(batch(id), Long.MAX_VALUE);
                    assertThat(planner.exhausted()).as("an unbounded source exhausted after batch %d", id).isFalse();
                }
                return;
            }
            long id = 1;
            while (!planner.exhausted()) {
                assertThat(id).as("batches planned without the bounded source being exhausted").isLessThanOrEqualTo(maxBatchesUntilExhausted());
                beforeBatch(id);
                planner.plan(batch(id), Long.MAX_VALUE);
                id++;
            }
            beforeBatch(id);
            assertThat(planner.plan(batch(id), Long.MAX_VALUE)).as("splits planned after exhaustion").isEmpty();
            assertThat(planner.exhausted()).isTrue();
        }
    }

    /** Plans up to {@link #batches()} batches (fewer if the source is exhausted) and returns every split. */
    protected final List<S> planAll(ReplayableSource<S> source) {
        List<S> splits = new ArrayList<>();
        try (SplitPlanner<S> planner = source.createPlanner(context())) {
            for (long id = 1; id <= batches() && !planner.exhausted(); id++) {
                beforeBatch(id);
                splits.addAll(planner.plan(batch(id), Long.MAX_VALUE));
            }
        }
        return splits;
    }

    /** Every record of one split, in order. */
    protected static <S> List<Record> read(SplitReader<S> reader, S split) {
        CollectingEmitter out = new CollectingEmitter();
        reader.read(split, out);
        return out.records();
    }

    private SplitPlanner<S> restore(ReplayableSource<S> source, byte[] position) {
        SplitPlanner<S> planner = source.createPlanner(context());
        planner.restore(position);
        return planner;
    }

    /** Splits as hex of their encoding: comparable whether or not the split type has {@code equals}. */
    private static <S> List<String> encodeAll(SplitCodec<S> codec, List<S> splits) {
        return splits.stream().map(s -> HexFormat.of().formatHex(codec.encode(s))).toList();
    }
}

package io.sluice.spi.source;

import io.sluice.spi.ComponentContext;

/**
 * A source whose input can be read again: each batch is planned as immutable splits that are
 * recorded with the batch, and reading a recorded split again yields the same records
 * (exactly-once input). Planning and reading are separate objects because they run in different
 * places: the planner on the scheduler thread, readers on worker threads (and, in a cluster, on
 * other machines).
 *
 * <pre>{@code
 * final class FileSource implements ReplayableSource<FileSplit> {
 *     public SplitCodec<FileSplit> splitCodec() { return new FileSplitCodec(); }
 *     public SplitPlanner<FileSplit> createPlanner(ComponentContext ctx) { return new FilePlanner(ctx); }
 *     public SplitReader<FileSplit> createReader(ComponentContext ctx) { return new FileReader(ctx); }
 * }
 * }</pre>
 *
 * @param <S> the split type; immutable, and encodable by {@link #splitCodec()}
 */
public non-sealed interface ReplayableSource<S> extends Source {
    /** Encodes splits for the batch log. */
    SplitCodec<S> splitCodec();

    /** Creates the planner; called once per pipeline run, on the scheduler thread. */
    SplitPlanner<S> createPlanner(ComponentContext context);

    /** Creates the reader; called once. The reader is shared by all worker threads. */
    SplitReader<S> createReader(ComponentContext context);
}

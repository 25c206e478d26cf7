package io.sluice.spi.source;

import io.sluice.spi.Emitter;

/**
 * Reads the records of one split. Called from worker threads, concurrently for different splits:
 * implementations must be thread-safe (typically stateless, opening what a split needs inside
 * {@link #read}). Reading the same split twice must emit the same records in the same order.
 *
 * <pre>{@code
 * public void read(FileSplit split, Emitter out) {
 *     try (var in = open(split.path(), split.start())) {
 *         ... out.emit(record) for each line up to split.end() ...
 *     }
 * }
 * }</pre>
 *
 * @param <S> the split type
 */
public interface SplitReader<S> extends AutoCloseable {
    /**
     * Emits every record of {@code split}, then returns. Undecodable input goes to the context's
     * {@link io.sluice.spi.ErrorReporter}, not into an exception that fails the batch.
     *
     * @throws io.sluice.spi.RetriableException when the data is temporarily unreachable
     */
    void read(S split, Emitter out);

    @Override
    default void close() {
    }
}

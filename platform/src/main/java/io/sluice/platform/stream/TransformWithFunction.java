package io.sluice.platform.stream;

import io.sluice.spi.BatchInfo;
import java.util.List;

/**
 * The function of {@link DStream#transformWith}: both streams' elements of one batch in, the
 * result stream's elements of that batch out. Called once per batch on the batch-runner thread.
 *
 * <pre>{@code
 * DStream<String> flagged = events.transformWith(blocklist, (batch, evs, blocked) -> {
 *     Set<String> no = new HashSet<>(blocked);
 *     return evs.stream().filter(e -> !no.contains(e)).toList();
 * });
 * }</pre>
 *
 * @param <T> this stream's element type
 * @param <U> the other stream's element type
 * @param <R> result element type
 */
@FunctionalInterface
public interface TransformWithFunction<T, U, R> {
    /** Must not return {@code null}; return an empty list for an empty result. */
    List<R> apply(BatchInfo batch, List<T> first, List<U> second);
}

package io.sluice.platform.engine;

import io.sluice.spi.BatchInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch consists of, decided before it is computed: per source, the planned splits, the
 * receiver block or the queued elements. Planned once per batch; every attempt of the batch reads
 * the same input. With checkpointing, the batch log records it before the batch is computed, so a
 * restart re-runs the batch on the same input.
 */
public final class BatchInput {
    private final Map<SourceNode<?>, Partitions<?>> planned = new LinkedHashMap<>();

    /**
     * Plans every source not planned yet, in order. If a planner fails, the sources planned before
     * it keep their input, so a retry does not plan (and advance) them twice.
     */
    void planRemaining(List<SourceNode<?>> sources, BatchInfo batch, Tick tick) {
        for (SourceNode<?> source : sources) {
            if (!planned.containsKey(source)) {
                planned.put(source, source.plan(batch, tick));
            }
        }
    }

    /** Sets {@code source}'s input to one read back from the batch log. */
    void record(SourceNode<?> source, Partitions<?> input) {
        planned.put(source, input);
    }

    boolean contains(SourceNode<?> source) {
        return planned.containsKey(source);
    }

    boolean complete(List<SourceNode<?>> sources) {
        return planned.keySet().containsAll(sources);
    }

    @SuppressWarnings("unchecked")
    <T> Partitions<T> of(SourceNode<T> source) {
        Partitions<?> p = planned.get(source);
        if (p == null) {
            throw new IllegalStateException("source " + source + " was not planned for this batch");
        }
        return (Partitions<T>) p;
    }
}

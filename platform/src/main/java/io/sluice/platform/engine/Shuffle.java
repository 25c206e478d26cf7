package io.sluice.platform.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The two halves every keyed step shares. Map side: each input partition is pushed (fused with the
 * narrow steps before it) into its own collector, which combines or buckets by key partition.
 * Reduce side: each output partition merges what the collectors put in its bucket, visiting the
 * collectors in input-partition order, so results do not depend on which thread ran what.
 */
public final class Shuffle {
    private Shuffle() {
    }

    /** Pushes every partition of {@code input} into a new collector, in parallel; collectors in partition order. */
    public static <T, C extends Pipe<? super T>> List<C> mapSide(Partitions<T> input, WorkerPool pool,
            Supplier<C> newCollector) {
        Object[] collectors = new Object[input.count()];
        pool.forEach(collectors.length, m -> {
            C collector = newCollector.get();
            input.push(m, collector);
            collectors[m] = collector;
        });
        @SuppressWarnings("unchecked")
        List<C> list = (List<C>) (List<?>) Arrays.asList(collectors);
        return list;
    }

    /**
     * An insertion-ordered map that holds {@code expectedKeys} keys without rehashing (keyed steps
     * size their buckets from the previous batch, as key sets change slowly between batches).
     */
    public static <K, V> Map<K, V> newOrderedMap(int expectedKeys) {
        return new LinkedHashMap<>(expectedKeys <= 0 ? 16 : (int) Math.min(1 << 30, expectedKeys * 4L / 3 + 1));
    }

    /** Computes every output partition in parallel. */
    public static <T> Dataset<T> reduceSide(int partitions, WorkerPool pool, IntFunction<List<T>> reduce) {
        List<List<T>> out = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            out.add(null);
        }
        pool.forEach(partitions, r -> out.set(r, reduce.apply(r)));
        return Dataset.of(out);
    }
}

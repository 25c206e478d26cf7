package io.sluice.platform.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a pipeline over given input batches (one queue-stream batch each, then as many empty
 * batches as asked) on a manual clock and returns each batch's output by batch id. Batches in which
 * the output stream has no result (a window between slides) are absent.
 */
final class StreamHarness {
    private StreamHarness() {
    }

    static <T, R> Map<Long, List<R>> run(List<List<T>> input, int extraBatches, int threads, int partitions,
            Function<DStream<T>, DStream<R>> build) {
        return run(input, List.of(), extraBatches, threads, partitions, (a, b) -> build.apply(a));
    }

    static <T, U, R> Map<Long, List<R>> run(List<List<T>> first, List<List<U>> second, int extraBatches,
            int threads, int partitions, BiFunction<DStream<T>, DStream<U>, DStream<R>> build) {
        Map<Long, List<R>> out = new ConcurrentHashMap<>();
        try (TestPipeline p = new TestPipeline(threads, partitions)) {
            DStream<T> a = p.ctx.queueStream("first", new ConcurrentLinkedQueue<>(first));
            DStream<U> b = p.ctx.queueStream("second", new ConcurrentLinkedQueue<>(second));
            build.apply(a, b).foreachBatch((batch, elements) -> out.put(batch.id(), List.copyOf(elements)));
            p.ctx.start();
            p.runBatches(Math.max(first.size(), second.size()) + extraBatches);
        }
        return new TreeMap<>(out);
    }

    /** The input of batch {@code id} (1-based), empty past the end. */
    static <T> List<T> batch(List<List<T>> input, long id) {
        return id >= 1 && id <= input.size() ? input.get((int) id - 1) : List.of();
    }

    /** The elements of batches {@code max(1, end - length + 1) .. end}, oldest first. */
    static <T> List<T> window(List<List<T>> input, long end, int length) {
        List<T> out = new ArrayList<>();
        for (long id = Math.max(1, end - length + 1); id <= end; id++) {
            out.addAll(batch(input, id));
        }
        return out;
    }

    /** Random (key, value) batches: keys from a range that moves, so keys appear and vanish; some batches empty. */
    static List<List<KeyValue<String, Integer>>> keyedBatches(long seed, int count) {
        Random random = new Random(seed);
        List<List<KeyValue<String, Integer>>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            int size = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
            int offset = random.nextInt(6);
            List<KeyValue<String, Integer>> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(KeyValue.of("k" + (offset + random.nextInt(5)), random.nextInt(21) - 5));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Per key, the sum of its values; keys in sorted order. */
    static Map<String, Integer> sums(List<KeyValue<String, Integer>> pairs) {
        Map<String, Integer> map = new TreeMap<>();
        pairs.forEach(kv -> map.merge(kv.key(), kv.value(), Integer::sum));
        return map;
    }

    /** Pairs as a sorted map; fails on a key listed twice. */
    static <V> Map<String, V> asMap(List<KeyValue<String, V>> pairs) {
        Map<String, V> map = new TreeMap<>();
        for (KeyValue<String, V> kv : pairs) {
            if (map.put(kv.key(), kv.value()) != null) {
                throw new AssertionError("key " + kv.key() + " twice in " + pairs);
            }
        }
        return map;
    }

    /** Each output batch mapped through {@code f}. */
    static <A, B> Map<Long, B> each(Map<Long, List<A>> out, Function<List<A>, B> f) {
        Map<Long, B> mapped = new TreeMap<>();
        out.forEach((id, list) -> mapped.put(id, f.apply(list)));
        return mapped;
    }
}

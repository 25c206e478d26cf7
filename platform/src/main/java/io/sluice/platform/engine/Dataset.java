package io.sluice.platform.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A materialized batch result: an immutable list of partitions. Stage boundaries (shuffles), nodes
 * read by several consumers, and outputs produce datasets; windows and checkpoints will retain
 * them.
 *
 * @param <T> element type
 */
public final class Dataset<T> implements Partitions<T> {
    private final List<List<T>> partitions;

    private Dataset(List<List<T>> partitions) {
        this.partitions = partitions;
    }

    /** Wraps partitions the caller will not modify any more (not copied). */
    public static <T> Dataset<T> of(List<List<T>> partitions) {
        List<List<T>> frozen = new ArrayList<>(partitions.size());
        for (List<T> p : partitions) {
            frozen.add(Collections.unmodifiableList(p));
        }
        return new Dataset<>(Collections.unmodifiableList(frozen));
    }

    /** Cuts {@code elements} into {@code count} contiguous partitions of near-equal size. */
    public static <T> Dataset<T> split(List<T> elements, int count) {
        List<List<T>> parts = new ArrayList<>(count);
        int size = elements.size();
        for (int p = 0; p < count; p++) {
            parts.add(elements.subList((int) ((long) size * p / count), (int) ((long) size * (p + 1) / count)));
        }
        return of(parts);
    }

    /** Pushes every partition of {@code input} on the pool and keeps the results, in partition order. */
    public static <T> Dataset<T> collect(Partitions<T> input, WorkerPool pool) {
        return collect(input, pool, 0);
    }

    /**
     * As {@link #collect(Partitions, WorkerPool)}, each partition's list starting with room for
     * {@code expectedSize} elements (e.g. the previous batch's largest partition), so big batches
     * are not copied while their lists grow.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Dataset<T> collect(Partitions<T> input, WorkerPool pool, int expectedSize) {
        if (input instanceof Dataset<T> dataset) {
            return dataset;
        }
        List<T>[] lists = new List[input.count()];
        pool.forEach(lists.length, p -> lists[p] = collectPartition(input, p, expectedSize));
        return of(List.of(lists));
    }

    /** Pushes one partition of {@code input} into a new list; called on a worker thread. */
    public static <T> List<T> collectPartition(Partitions<T> input, int partition) {
        return collectPartition(input, partition, 0);
    }

    /** As {@link #collectPartition(Partitions, int)}, into a list with room for {@code expectedSize} elements. */
    public static <T> List<T> collectPartition(Partitions<T> input, int partition, int expectedSize) {
        List<T> list = new ArrayList<>(Math.max(expectedSize, 10));
        input.push(partition, new Pipe<T>() {
            @Override
            public void accept(T element) {
                list.add(element);
            }

            @Override
            public void end() {
            }
        });
        return list;
    }

    @Override
    public int count() {
        return partitions.size();
    }

    @Override
    public void push(int partition, Pipe<? super T> out) {
        for (T element : partitions.get(partition)) {
            out.accept(element);
        }
        out.end();
    }

    /** The number of elements in the largest partition. */
    public int largestPartition() {
        int largest = 0;
        for (List<T> p : partitions) {
            largest = Math.max(largest, p.size());
        }
        return largest;
    }

    public List<T> partition(int index) {
        return partitions.get(index);
    }

    /** Every element, partition after partition. */
    public List<T> elements() {
        if (partitions.size() == 1) {
            return partitions.get(0);
        }
        List<T> all = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, size()));
        partitions.forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    public long size() {
        long n = 0;
        for (List<T> p : partitions) {
            n += p.size();
        }
        return n;
    }
}

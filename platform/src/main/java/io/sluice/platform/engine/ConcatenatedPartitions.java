package io.sluice.platform.engine;

import java.util.List;

/**
 * Several partition lists seen as one: the first's partitions, then the second's, and so on,
 * without copying. Unions and windows are this.
 *
 * @param <T> element type
 */
final class ConcatenatedPartitions<T> implements Partitions<T> {
    private final List<? extends Partitions<? extends T>> parts;
    private final int count;

    ConcatenatedPartitions(List<? extends Partitions<? extends T>> parts) {
        this.parts = List.copyOf(parts);
        int total = 0;
        for (Partitions<? extends T> p : parts) {
            total += p.count();
        }
        this.count = total;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void push(int partition, Pipe<? super T> out) {
        int p = partition;
        for (Partitions<? extends T> part : parts) {
            if (p < part.count()) {
                part.push(p, out);
                return;
            }
            p -= part.count();
        }
        throw new IndexOutOfBoundsException("partition " + partition + " of " + count);
    }
}

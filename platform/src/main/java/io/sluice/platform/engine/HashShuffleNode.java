package io.sluice.platform.engine;

import io.sluice.spi.BadRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Moves every element to the shuffle partition of its key, keeping arrival order within a
 * partition (input partition 0's elements first, then 1's, ...). Keyed operators run after it, so
 * every element of a key meets that key's state in one partition.
 *
 * @param <T> element type
 */
public final class HashShuffleNode<T> extends Node<T> {
    private final Node<T> parent;
    private final Function<? super T, ?> key;
    private final int partitions;
    private final String missingKeyMessage;

    /**
     * @param missingKeyMessage if not {@code null}, an element whose key is {@code null} is reported
     *                          as a bad record with this message and dropped; if {@code null}, it
     *                          goes to partition 0
     */
    public HashShuffleNode(Node<T> parent, Function<? super T, ?> key, int partitions, String missingKeyMessage) {
        super(parent.graph(), "hash-shuffle", List.of(parent));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.parent = parent;
        this.key = key;
        this.partitions = partitions;
        this.missingKeyMessage = missingKeyMessage;
    }

    @Override
    protected boolean isStageBoundary() {
        return true;
    }

    @Override
    protected Partitions<T> compute(BatchRun run) {
        List<Bucketer> bucketers = Shuffle.mapSide(parent.partitions(run), run.pool(), Bucketer::new);
        return Shuffle.reduceSide(partitions, run.pool(), r -> {
            List<T> out = new ArrayList<>();
            for (Bucketer b : bucketers) {
                if (b.buckets[r] != null) {
                    out.addAll(b.buckets[r]);
                }
            }
            return out;
        });
    }

    private final class Bucketer implements Pipe<T> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final List<T>[] buckets = new List[partitions];

        @Override
        public void accept(T element) {
            Object k = key.apply(element);
            if (k == null && missingKeyMessage != null) {
                PartitionContext.report(errors(), name(), element, new BadRecordException(missingKeyMessage));
                return;
            }
            int r = HashPartitioner.partition(k, partitions);
            if (buckets[r] == null) {
                buckets[r] = new ArrayList<>();
            }
            buckets[r].add(element);
        }

        @Override
        public void end() {
        }
    }
}

package io.sluice.connectors.console;

import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the console prints of one batch: the first records of each partition and how many records
 * each partition had. Partitions are written concurrently; a partition written again (a retried
 * batch) replaces its earlier write.
 */
final class BatchHead {
    private record PartitionHead(List<Record> first, int total) {
    }

    private final int maxRecords;
    private final Map<Integer, PartitionHead> partitions = new ConcurrentSkipListMap<>();

    BatchHead(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    void put(int partition, List<Record> records) {
        List<Record> first = List.copyOf(records.subList(0, Math.min(maxRecords, records.size())));
        partitions.put(partition, new PartitionHead(first, records.size()));
    }

    /** The first {@code maxRecords} records of the batch, in partition order. */
    List<Record> first() {
        List<Record> out = new ArrayList<>(maxRecords);
        for (PartitionHead p : partitions.values()) {
            for (Record r : p.first()) {
                if (out.size() == maxRecords) {
                    return out;
                }
                out.add(r);
            }
        }
        return out;
    }

    /** Whether the batch had more records than {@link #first()} returns. */
    boolean hasMore() {
        long total = 0;
        for (PartitionHead p : partitions.values()) {
            total += p.total();
        }
        return total > maxRecords;
    }
}

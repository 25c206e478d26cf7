package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import io.sluice.platform.stream.KeyValue;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** How checkpoints write a retained {@link Dataset}: partition count, then each partition's elements. */
final class DatasetFormat {
    private DatasetFormat() {
    }

    static void write(Dataset<?> dataset, DataOutput out, ValueCodec values) throws IOException {
        out.writeInt(dataset.count());
        for (int p = 0; p < dataset.count(); p++) {
            List<?> partition = dataset.partition(p);
            out.writeInt(partition.size());
            for (Object element : partition) {
                values.write(out, element);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T> Dataset<T> read(DataInput in, ValueCodec values) throws IOException {
        int count = nonNegative(in.readInt(), "partition count");
        List<List<T>> partitions = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int size = nonNegative(in.readInt(), "partition size");
            List<T> elements = new ArrayList<>(Math.min(size, 1 << 16));
            for (int i = 0; i < size; i++) {
                elements.add((T) values.read(in));
            }
            partitions.add(elements);
        }
        return Dataset.of(partitions);
    }

    /** {@code dataset} hash-partitioned by key into {@code partitions}, or itself if it already has that many. */
    static <K, V> Dataset<KeyValue<K, V>> rehash(Dataset<KeyValue<K, V>> dataset, int partitions) {
        if (dataset.count() == partitions) {
            return dataset;
        }
        List<List<KeyValue<K, V>>> lists = new ArrayList<>(partitions);
        for (int r = 0; r < partitions; r++) {
            lists.add(new ArrayList<>());
        }
        for (int p = 0; p < dataset.count(); p++) {
            for (KeyValue<K, V> kv : dataset.partition(p)) {
                lists.get(HashPartitioner.partition(kv.key(), partitions)).add(kv);
            }
        }
        return Dataset.of(lists);
    }

    static int nonNegative(int value, String what) throws IOException {
        if (value < 0) {
            throw new IOException("negative " + what + " " + value);
        }
        return value;
    }
}

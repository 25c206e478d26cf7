package io.sluice.platform.engine;

import io.sluice.platform.durability.codec.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes and reads the committed entries of a stateful step's per-partition {@link StateStore}s.
 * Entries are written in store order; on reading, every key goes to the partition its hash gives for
 * the current partition count, so a restart may change the number of shuffle partitions.
 */
final class StateStores {
    private StateStores() {
    }

    /** Writes every entry: the count, then key and (mapped) value per entry. */
    static <K, S> void write(List<StateStore<K, S>> stores, DataOutput out, ValueCodec values,
            Function<S, Object> encode) throws IOException {
        int total = 0;
        for (StateStore<K, S> store : stores) {
            total += store.size();
        }
        out.writeInt(total);
        List<IOException> failure = new ArrayList<>(1);
        for (StateStore<K, S> store : stores) {
            store.forEach((key, state) -> {
                if (!failure.isEmpty()) {
                    return;
                }
                try {
                    values.write(out, key);
                    values.write(out, encode.apply(state));
                } catch (IOException e) {
                    failure.add(e);
                }
            });
        }
        if (!failure.isEmpty()) {
            throw failure.get(0);
        }
    }

    /** Replaces the stores' content with what {@link #write} wrote, re-hashing keys into partitions. */
    @SuppressWarnings("unchecked")
    static <K, S> void read(List<StateStore<K, S>> stores, DataInput in, ValueCodec values,
            Function<Object, S> decode) throws IOException {
        int total = in.readInt();
        if (total < 0) {
            throw new IOException("negative state entry count " + total);
        }
        List<StateUpdate<K, S>> updates = new ArrayList<>(stores.size());
        for (StateStore<K, S> store : stores) {
            StateUpdate<K, S> update = store.begin();
            List<K> existing = new ArrayList<>();
            store.forEach((k, s) -> existing.add(k));
            existing.forEach(update::remove);
            updates.add(update);
        }
        for (int i = 0; i < total; i++) {
            K key = (K) values.read(in);
            S state = decode.apply(values.read(in));
            updates.get(HashPartitioner.partition(key, stores.size())).put(key, state);
        }
        updates.forEach(StateUpdate::commit);
    }

    /**
     * The {@link NodeState} of a step whose whole state is {@code stores}: entries written with
     * {@code encode} and read back with {@code decode}.
     */
    static <K, S> NodeState nodeState(String kind, List<StateStore<K, S>> stores, Function<S, Object> encode,
            Function<Object, S> decode) {
        return new NodeState() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void write(DataOutput out, ValueCodec values) throws IOException {
                StateStores.write(stores, out, values, encode);
            }

            @Override
            public void read(DataInput in, ValueCodec values) throws IOException {
                StateStores.read(stores, in, values, decode);
            }
        };
    }
}

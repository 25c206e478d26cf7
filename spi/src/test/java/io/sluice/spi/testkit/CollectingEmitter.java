package io.sluice.spi.testkit;

import io.sluice.spi.Emitter;
import io.sluice.spi.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Emitter} that keeps what it is given, in order. Not thread-safe, like an emitter.
 *
 * <pre>{@code
 * CollectingEmitter out = new CollectingEmitter();
 * reader.read(split, out);
 * assertThat(out.records()).hasSize(100);
 * }</pre>
 */
public final class CollectingEmitter implements Emitter {
    private final List<Record> records = new ArrayList<>();

    @Override
    public void emit(Record record) {
        records.add(record);
    }

    /** What was emitted so far, in order (a copy). */
    public List<Record> records() {
        return List.copyOf(records);
    }

    public int size() {
        return records.size();
    }

    public void clear() {
        records.clear();
    }
}
